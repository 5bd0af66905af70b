using System.Text;
using System.Text.Json;
using TrainingNetwork.Domain.Readiness.Rules;

namespace TrainingNetwork.Domain.Readiness.Records;

/// <summary>
/// Parses trainee-record v1 (spec/trainee-record-v1.md) with explicit checks, so that every problem in a document is reported with its
/// exact JSON path. Unknown keys are ignored. Nothing is partially accepted: a document with any error yields no record.
/// </summary>
public static class TraineeRecordJson
{
    public const int MaxDepth = 16;

    /// <summary>Enough to name every problem in any honest document while bounding the work a hostile one can cause.</summary>
    public const int MaxErrors = 1000;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow };

    // A key given twice would make the document mean two things; reject it rather than pick one.
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    public static TraineeRecordParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    public static TraineeRecordParseResult Parse(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    public static TraineeRecordParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), DocumentOptions);
        }
        catch (JsonException exception)
        {
            return Failed(new RecordError(JsonSyntaxLocator.PathOfError(utf8Json, ReaderOptions), $"malformed JSON: {exception.Message}"));
        }

        using (document)
        {
            var fields = new JsonFieldReader { MaxErrors = MaxErrors };
            var record = new RecordReader(fields).Read(document.RootElement);
            if (fields.IsFull)
            {
                fields.Error("$", $"more than {MaxErrors} errors; the rest are not listed");
            }

            return fields.Errors.Count == 0 ? new TraineeRecordParseResult(record, []) : new TraineeRecordParseResult(null, fields.Errors);
        }
    }

    private static TraineeRecordParseResult Failed(RecordError error) => new(null, [error]);

    /// <summary>Reads the v1 object tree; cross-references (supervisors, attestors, duplicate ids) are checked against the raw JSON.</summary>
    private sealed class RecordReader(JsonFieldReader fields)
    {
        private const decimal MaximumActivityMbq = 1_000_000m;
        private const decimal MaximumHours = 10_000m;

        private HashSet<string>? _preceptorIds;

        public TraineeRecord? Read(JsonElement root)
        {
            const string Root = "$";
            if (!fields.IsObject(root, Root))
            {
                return null;
            }

            if (fields.String(root, Root, "format") is { } format && format != TraineeRecord.FormatName)
            {
                fields.Error("$.format", $"must be '{TraineeRecord.FormatName}'");
            }

            if (fields.Value(root, Root, "version", required: true, nullable: false) is { } version
                && !(version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var number) && number == TraineeRecord.FormatVersion))
            {
                fields.Error("$.version", $"must be {TraineeRecord.FormatVersion}");
            }

            var pathway = fields.Code(root, Root, "pathway", RecordCodes.Pathways);
            var ruleSetKnown = true;
            var ruleSet = RuleSet.Nrc2019;
            if (root.TryGetProperty("rule_set", out _))
            {
                var parsed = fields.Code(root, Root, "rule_set", RecordCodes.RuleSets);
                ruleSetKnown = parsed is not null;
                ruleSet = parsed ?? ruleSet;
            }

            var jurisdiction = fields.Value(root, Root, "jurisdiction", required: true, nullable: false) is { } j ? Jurisdiction(j, "$.jurisdiction") : null;
            var requested = RequestedCategories(root, ruleSetKnown ? RuleSets.For(ruleSet) : null);
            var evaluationDate = fields.Date(root, Root, "evaluation_date");
            var applicationDate = fields.Date(root, Root, "application_date", required: false, nullable: true);

            _preceptorIds = PreceptorIds(root);
            var trainee = fields.Value(root, Root, "trainee", required: true, nullable: false) is { } t ? Trainee(t, "$.trainee") : null;
            var classroom = fields.Array(root, Root, "classroom_training", Classroom);
            var work = fields.Array(root, Root, "work_experience", WorkExperience);
            var cases = Cases(root);
            var preceptors = fields.Array(root, Root, "preceptors", Preceptor);
            var attestations = fields.Array(root, Root, "attestations", Attestation);
            var education = fields.Array(root, Root, "continuing_education", ContinuingEducation, required: false);

            if (pathway is null || jurisdiction is null || requested is null || evaluationDate is null || trainee is null
                || classroom is null || work is null || cases is null || preceptors is null || attestations is null || education is null)
            {
                return null;
            }

            return new TraineeRecord
            {
                Pathway = pathway.Value,
                RuleSet = ruleSet,
                Jurisdiction = jurisdiction,
                RequestedCategories = requested,
                EvaluationDate = evaluationDate.Value,
                ApplicationDate = applicationDate,
                Trainee = trainee,
                ClassroomTraining = classroom,
                WorkExperience = work,
                Cases = cases,
                Preceptors = preceptors,
                Attestations = attestations,
                ContinuingEducation = education,
            };
        }

        private List<UseCategory>? RequestedCategories(JsonElement root, RuleSetDefinition? ruleSet)
        {
            var requested = fields.Codes(root, "$", "requested_categories", RecordCodes.Categories);
            if (requested is null)
            {
                return null;
            }

            if (requested.Count == 0)
            {
                fields.Error("$.requested_categories", "must name at least one category");
                return null;
            }

            var valid = true;
            for (var index = 0; index < requested.Count; index++)
            {
                var path = JsonFieldReader.Item("$.requested_categories", index);
                var code = RecordCodes.Categories.ToCode(requested[index]);
                if (ruleSet is not null && !ruleSet.RequestableCategories.Contains(requested[index]))
                {
                    fields.Error(path, $"{code} is not a category under {RecordCodes.RuleSets.ToCode(ruleSet.Id)}; allowed: "
                        + string.Join(", ", ruleSet.RequestableCategories.Select(RecordCodes.Categories.ToCode)));
                    valid = false;
                }
                else if (requested.IndexOf(requested[index]) < index)
                {
                    fields.Error(path, $"{code} is requested twice");
                    valid = false;
                }
            }

            return valid ? requested : null;
        }

        private HashSet<string>? PreceptorIds(JsonElement root)
        {
            if (!root.TryGetProperty("preceptors", out var preceptors) || preceptors.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var preceptor in preceptors.EnumerateArray())
            {
                IsDuplicate(preceptor, JsonFieldReader.Item("$.preceptors", index++), "id", ids);
            }

            return ids;
        }

        /// <summary>Checks an id on the raw JSON, so that a duplicate is found even when its entry has other errors.</summary>
        private bool IsDuplicate(JsonElement element, string path, string key, HashSet<string> seen)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(key, out var id)
                || id.ValueKind != JsonValueKind.String || seen.Add(id.GetString()!))
            {
                return false;
            }

            fields.Error(JsonFieldReader.Child(path, key), $"duplicate {key} '{id.GetString()}'");
            return true;
        }

        /// <summary>An id that must name one of the record's preceptors.</summary>
        private string? PreceptorReference(JsonElement owner, string path, string key, bool required = true)
        {
            var id = fields.String(owner, path, key, required, nullable: !required, nonEmpty: true);
            if (id is not null && _preceptorIds is not null && !_preceptorIds.Contains(id))
            {
                fields.Error(JsonFieldReader.Child(path, key), $"'{id}' is not the id of any entry in $.preceptors");
            }

            return id;
        }

        private Jurisdiction? Jurisdiction(JsonElement element, string path)
        {
            if (!fields.IsObject(element, path))
            {
                return null;
            }

            var regulator = fields.Code(element, path, "regulator", RecordCodes.Regulators);
            var state = StateCode(element, path, required: true);
            return regulator is null || state is null ? null : new Jurisdiction(regulator.Value, state);
        }

        private string? StateCode(JsonElement element, string path, bool required)
        {
            var state = fields.String(element, path, "state", required, nullable: !required);
            if (state is not null && !(state.Length == 2 && state.All(char.IsAsciiLetterUpper)))
            {
                fields.Error(JsonFieldReader.Child(path, "state"), $"'{state}' is not a two-letter state code");
                return null;
            }

            return state;
        }

        private Trainee? Trainee(JsonElement element, string path)
        {
            if (!fields.IsObject(element, path))
            {
                return null;
            }

            var id = fields.String(element, path, "id", nonEmpty: true);
            var specialty = fields.String(element, path, "specialty", required: false) ?? "";
            var authorizations = fields.Array(element, path, "au_authorizations", Authorization);
            var boards = fields.Array(element, path, "board_certifications", BoardCertification);
            return id is null || authorizations is null || boards is null
                ? null
                : new Trainee { Id = id, Specialty = specialty, AuAuthorizations = authorizations, BoardCertifications = boards };
        }

        private Authorization? Authorization(JsonElement element, string path)
        {
            if (!fields.IsObject(element, path))
            {
                return null;
            }

            var basis = fields.Code(element, path, "basis", RecordCodes.Bases);
            var categories = fields.Codes(element, path, "categories", RecordCodes.Categories);
            var license = fields.String(element, path, "license");
            var regulator = fields.Code(element, path, "regulator", RecordCodes.Regulators);
            var state = StateCode(element, path, required: false);
            var status = fields.Code(element, path, "status", RecordCodes.Statuses, required: false) ?? AuthorizationStatus.Listed;
            var from = fields.Date(element, path, "listed_from");
            var until = fields.Date(element, path, "listed_until", required: false, nullable: true);
            if (from is not null && until < from)
            {
                fields.Error(JsonFieldReader.Child(path, "listed_until"), "is before listed_from");
                return null;
            }

            return basis is null || categories is null || license is null || regulator is null || from is null
                ? null
                : new Authorization
                {
                    Basis = basis.Value,
                    Categories = categories,
                    License = license,
                    Regulator = regulator.Value,
                    State = state,
                    Status = status,
                    ListedFrom = from.Value,
                    ListedUntil = until,
                };
        }

        private BoardCertification? BoardCertification(JsonElement element, string path)
        {
            if (!fields.IsObject(element, path))
            {
                return null;
            }

            var board = fields.String(element, path, "board");
            var specialty = fields.String(element, path, "specialty", required: false) ?? "";
            var issued = fields.Date(element, path, "issued");
            var recognized = fields.Array(element, path, "recognized_under", (item, itemPath) => fields.StringValue(item, itemPath, nonEmpty: true));
            return board is null || issued is null || recognized is null ? null : new BoardCertification(board, specialty, issued.Value, recognized);
        }

        private ClassroomEntry? Classroom(JsonElement element, string path)
        {
            if (!fields.IsObject(element, path))
            {
                return null;
            }

            var topic = fields.Code(element, path, "topic", RecordCodes.Topics);
            var hours = fields.Number(element, path, "hours", 0, MaximumHours);
            var completed = fields.Date(element, path, "completed");
            var provider = fields.String(element, path, "provider", required: false) ?? "";
            var delivery = fields.String(element, path, "delivery", required: false) ?? "";
            return topic is null || hours is null || completed is null ? null : new ClassroomEntry(topic.Value, hours.Value, completed.Value, provider, delivery);
        }

        private WorkExperienceEntry? WorkExperience(JsonElement element, string path)
        {
            if (!fields.IsObject(element, path))
            {
                return null;
            }

            var workElement = fields.Code(element, path, "element", RecordCodes.WorkElements);
            var completed = fields.Date(element, path, "completed");
            var hours = fields.Number(element, path, "hours", 0, MaximumHours, required: false, nullable: true);
            var hoursValid = !element.TryGetProperty("hours", out var rawHours) || rawHours.ValueKind == JsonValueKind.Null || hours is not null;
            var supervisor = PreceptorReference(element, path, "supervisor_id");
            var license = fields.String(element, path, "license", required: false) ?? "";
            return workElement is null || completed is null || supervisor is null || !hoursValid
                ? null
                : new WorkExperienceEntry(workElement.Value, completed.Value, supervisor, hours, license);
        }

        private List<CaseEntry>? Cases(JsonElement root)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return fields.Array(root, "$", "cases", (element, path) =>
            {
                var entry = Case(element, path);
                return IsDuplicate(element, path, "case_id", seen) ? null : entry;
            });
        }

        private CaseEntry? Case(JsonElement element, string path)
        {
            if (!fields.IsObject(element, path))
            {
                return null;
            }

            var id = fields.String(element, path, "case_id", nonEmpty: true);
            var date = fields.Date(element, path, "date");
            var radiopharmaceutical = fields.String(element, path, "radiopharmaceutical", nonEmpty: true);
            var nuclide = fields.String(element, path, "nuclide", nonEmpty: true);
            var route = fields.Code(element, path, "route", RecordCodes.Routes);
            var activity = fields.Number(element, path, "activity_mbq", 0, MaximumActivityMbq, minimumExclusive: true);
            var writtenDirective = fields.Boolean(element, path, "written_directive_required");
            var participation = fields.Boolean(element, path, "personal_participation");
            var supervisor = PreceptorReference(element, path, "supervisor_id");
            var license = fields.String(element, path, "license", required: false) ?? "";
            var signedOff = fields.Boolean(element, path, "signed_off");
            var patient = fields.String(element, path, "patient_pseudonym", required: false, nullable: true);
            if (id is null || date is null || radiopharmaceutical is null || nuclide is null || route is null || activity is null
                || writtenDirective is null || participation is null || supervisor is null || signedOff is null)
            {
                return null;
            }

            return new CaseEntry
            {
                CaseId = id,
                Date = date.Value,
                Radiopharmaceutical = radiopharmaceutical,
                Nuclide = nuclide,
                Route = route.Value,
                ActivityMbq = activity.Value,
                WrittenDirectiveRequired = writtenDirective.Value,
                PersonalParticipation = participation.Value,
                SupervisorId = supervisor,
                License = license,
                SignedOff = signedOff.Value,
                PatientPseudonym = patient,
            };
        }

        private Preceptor? Preceptor(JsonElement element, string path)
        {
            if (!fields.IsObject(element, path))
            {
                return null;
            }

            var id = fields.String(element, path, "id", nonEmpty: true);
            var name = fields.String(element, path, "name", required: false) ?? "";
            var director = fields.Boolean(element, path, "residency_program_director", required: false) ?? false;
            var authorizations = fields.Array(element, path, "authorizations", Authorization);
            return id is null || authorizations is null
                ? null
                : new Preceptor { Id = id, Name = name, ResidencyProgramDirector = director, Authorizations = authorizations };
        }

        private Attestation? Attestation(JsonElement element, string path)
        {
            if (!fields.IsObject(element, path))
            {
                return null;
            }

            var attestor = PreceptorReference(element, path, "attestor_id");
            var type = fields.Code(element, path, "type", RecordCodes.AttestationTypes);
            var date = fields.Date(element, path, "date");
            var categories = fields.Codes(element, path, "categories", RecordCodes.Categories);
            var faculty = PreceptorReference(element, path, "concurring_faculty_id", required: false);
            return attestor is null || type is null || date is null || categories is null
                ? null
                : new Attestation { AttestorId = attestor, Type = type.Value, Date = date.Value, Categories = categories, ConcurringFacultyId = faculty };
        }

        private ContinuingEducation? ContinuingEducation(JsonElement element, string path)
        {
            if (!fields.IsObject(element, path))
            {
                return null;
            }

            var date = fields.Date(element, path, "date");
            var hours = fields.Number(element, path, "hours", 0, MaximumHours, required: false, nullable: true);
            var hoursValid = !element.TryGetProperty("hours", out var rawHours) || rawHours.ValueKind == JsonValueKind.Null || hours is not null;
            var description = fields.String(element, path, "description", required: false) ?? "";
            return date is null || !hoursValid ? null : new ContinuingEducation(date.Value, hours, description);
        }
    }
}
