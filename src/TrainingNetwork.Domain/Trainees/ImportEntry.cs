using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Unicode;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Validation;

namespace TrainingNetwork.Domain.Trainees;

/// <summary>
/// One physician in a staff import file (docs/decisions/0010-record-import.md): who they are, from the entry itself
/// (e-mail, full name, NPI, practice state), and their evidence as a trainee-record v1, with every problem that can be
/// found without the database. The portal adds what needs the database (existing accounts, centers, preceptors), and
/// the entities' constructors have the last word.
/// </summary>
public sealed class ImportEntry
{
    public const int MaxFileBytes = 4 * 1024 * 1024;
    public const int MaxEntries = 500;

    // Column lengths and precisions of what an entry becomes: longer text or finer numbers would not be stored as given.
    private const int EmailMaxLength = 256;
    private const int FullNameMaxLength = 200;
    private const int SpecialtyMaxLength = 100;
    private const int ProviderMaxLength = 200;
    private const int BoardMaxLength = 200;
    private const int LicenseMaxLength = 60;
    private const int RadiopharmaceuticalMaxLength = 120;
    private const int NuclideMaxLength = 20;
    private const int HoursDecimals = 2;
    private const int ActivityDecimals = 3;

    private const string Shape = """[{ "email": …, "full_name": …, "npi": …, "practice_state": …, "record": { a trainee record v1 } }, …]""";

    private static readonly JsonDocumentOptions FileOptions = new()
    {
        // The record sits two levels down: in an entry, in the array.
        MaxDepth = TraineeRecordJson.MaxDepth + 2,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    private static readonly EmailAddressAttribute EmailFormat = new();

    private readonly List<RecordError> _problems = [];
    private readonly List<string> _notes = [];

    private ImportEntry(int index) => Index = index;

    /// <summary>Position in the file, from 0.</summary>
    public int Index { get; }

    /// <summary>The entry's JSON path in the file, e.g. <c>$[2]</c>; every problem is reported under it.</summary>
    public string Path => JsonFieldReader.Item("$", Index);

    public string RecordPath => JsonFieldReader.Child(Path, "record");

    public string? Email { get; private set; }
    public string? FullName { get; private set; }
    public string? Npi { get; private set; }
    public string? PracticeState { get; private set; }

    /// <summary>The parsed record; null when it has errors of its own.</summary>
    public TraineeRecord? Record { get; private set; }

    public IReadOnlyList<RecordError> Problems => _problems;

    /// <summary>What the record holds that the import leaves out, and why; the entry is imported without it.</summary>
    public IReadOnlyList<string> Notes => _notes;

    public bool IsRejected => _problems.Count > 0;

    public void Reject(string path, string message) => _problems.Add(new RecordError(path, message));

    /// <summary>
    /// Reads a file by its content: UTF-8 JSON (a byte-order mark is allowed), an array of at most <see cref="MaxEntries"/>
    /// entries. Every entry is read and checked, so that all of a file's problems show at once.
    /// <paramref name="regulatorOf"/> says who regulates a state today, from the jurisdiction rules.
    /// </summary>
    public static ImportFile ReadFile(ReadOnlySpan<byte> content, DateOnly today, Func<string, Regulator> regulatorOf)
    {
        if (content.IsEmpty)
        {
            return ImportFile.Refused("The file is empty.");
        }

        if (content.Length > MaxFileBytes)
        {
            return ImportFile.Refused($"The file is larger than {MaxFileBytes / (1024 * 1024)} MB. Split it into smaller files.");
        }

        var text = content.StartsWith("\uFEFF"u8) ? content[3..] : content;
        if (!Utf8.IsValid(text))
        {
            return ImportFile.Refused("The file is not UTF-8 text. Save the entries as a JSON file in UTF-8.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text.ToArray(), FileOptions);
        }
        catch (JsonException e)
        {
            return ImportFile.Refused($"The file is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {Shape} is expected.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return ImportFile.Refused(IsTraineeRecord(root)
                    ? $"The file is a single trainee record. Put it in an import entry that names the physician: {Shape}."
                    : $"The file must hold an array of import entries: {Shape}.");
            }

            var count = root.GetArrayLength();
            if (count == 0)
            {
                return ImportFile.Refused("The file holds no entries.");
            }

            if (count > MaxEntries)
            {
                return ImportFile.Refused($"The file holds {count} entries; import at most {MaxEntries} at a time.");
            }

            var entries = root.EnumerateArray().Select((element, index) => Read(element, index, today, regulatorOf)).ToList();
            RejectRepeatedAddresses(entries);
            return new ImportFile(entries, null);
        }
    }

    private static bool IsTraineeRecord(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out var format)
        && format.ValueKind == JsonValueKind.String && format.GetString() == TraineeRecord.FormatName;

    private static ImportEntry Read(JsonElement element, int index, DateOnly today, Func<string, Regulator> regulatorOf)
    {
        var entry = new ImportEntry(index);
        var fields = new JsonFieldReader();
        if (fields.IsObject(element, entry.Path))
        {
            entry.Email = fields.String(element, entry.Path, "email", nonEmpty: true)?.Trim();
            entry.FullName = fields.String(element, entry.Path, "full_name", nonEmpty: true)?.Trim();
            var npi = fields.String(element, entry.Path, "npi", required: false, nullable: true)?.Trim();
            entry.Npi = string.IsNullOrEmpty(npi) ? null : npi;
            entry.PracticeState = fields.String(element, entry.Path, "practice_state", nonEmpty: true)?.Trim();
            if (fields.Value(element, entry.Path, "record", required: true, nullable: false) is { } record)
            {
                var parsed = TraineeRecordJson.Parse(record.GetRawText());
                foreach (var error in parsed.Errors)
                {
                    // The parser's paths start at the record's root, "$".
                    entry.Reject(entry.RecordPath + error.Path[1..], error.Message);
                }

                entry.Record = parsed.Record;
            }
        }

        foreach (var error in fields.Errors)
        {
            entry.Reject(error.Path, error.Message);
        }

        entry.CheckWhoTheyAre();
        if (entry.Record is not null)
        {
            entry.CheckEvidence(entry.Record, today, regulatorOf);
            entry.NoteWhatIsLeftOut(entry.Record);
        }

        return entry;
    }

    private static void RejectRepeatedAddresses(List<ImportEntry> entries)
    {
        var first = new Dictionary<string, ImportEntry>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.Email is not null))
        {
            if (!first.TryAdd(entry.Email!.ToUpperInvariant(), entry))
            {
                entry.Reject(JsonFieldReader.Child(entry.Path, "email"), $"'{entry.Email}' is also the e-mail of entry {first[entry.Email.ToUpperInvariant()].Path}");
            }
        }
    }

    private void CheckWhoTheyAre()
    {
        if (Email is not null && (Email.Length > EmailMaxLength || !EmailFormat.IsValid(Email)))
        {
            Reject(JsonFieldReader.Child(Path, "email"), $"'{Email}' is not an e-mail address");
        }

        if (TextInput.Problem(FullName, FullNameMaxLength) is { } nameProblem)
        {
            Reject(JsonFieldReader.Child(Path, "full_name"), nameProblem);
        }

        if (Npi is not null && !Validation.Npi.IsValid(Npi))
        {
            Reject(JsonFieldReader.Child(Path, "npi"), $"'{Npi}' is not a valid NPI: 10 digits whose last is the check digit");
        }

        if (PracticeState is not null && !UsState.IsValid(PracticeState))
        {
            Reject(JsonFieldReader.Child(Path, "practice_state"), $"'{PracticeState}' is not a US state code");
        }
    }

    private void CheckEvidence(TraineeRecord record, DateOnly today, Func<string, Regulator> regulatorOf)
    {
        if (record.RuleSet != RuleSet.Nrc2019)
        {
            Reject(At("rule_set"), "the portal keeps physicians under NRC-2019 only; a LEGACY-2005 record cannot be imported");
        }

        CheckJurisdiction(record.Jurisdiction, regulatorOf);
        if (record.Trainee.Specialty.Trim().Length == 0)
        {
            Reject(At("trainee.specialty"), "enter the physician's specialty");
        }

        Text(At("trainee.specialty"), record.Trainee.Specialty, SpecialtyMaxLength, screen: true);
        Each(record.Trainee.AuAuthorizations, "trainee.au_authorizations", (listing, path) => Text(path + ".license", listing.License, LicenseMaxLength));
        Each(record.Trainee.BoardCertifications, "trainee.board_certifications", (board, path) =>
        {
            NotAfter(path + ".issued", board.Issued, today);
            Text(path + ".board", board.Board, BoardMaxLength, screen: true);
            Text(path + ".specialty", board.Specialty, BoardMaxLength, screen: true);
        });
        Each(record.ClassroomTraining, "classroom_training", (entry, path) =>
        {
            NotAfter(path + ".completed", entry.Completed, today);
            Decimals(path + ".hours", entry.Hours, HoursDecimals);
            Text(path + ".provider", entry.Provider, ProviderMaxLength, screen: true);
        });
        Each(record.WorkExperience, "work_experience", (entry, path) =>
        {
            NotAfter(path + ".completed", entry.Completed, today);
            Decimals(path + ".hours", entry.Hours, HoursDecimals);
            Text(path + ".license", entry.License, LicenseMaxLength);
        });
        Each(record.Cases, "cases", (entry, path) =>
        {
            NotAfter(path + ".date", entry.Date, today);
            Decimals(path + ".activity_mbq", entry.ActivityMbq, ActivityDecimals);
            Text(path + ".radiopharmaceutical", entry.Radiopharmaceutical, RadiopharmaceuticalMaxLength, screen: true);
            Text(path + ".nuclide", entry.Nuclide, NuclideMaxLength);
            if ((TextInput.Problem(entry.PatientPseudonym, PatientPseudonym.MaxLength)
                ?? (entry.PatientPseudonym is { } pseudonym && PatientPseudonym.LooksLikeIdentifier(pseudonym)
                    ? "looks like a patient identifier; use a center-local pseudonym such as pt-07, never a name, record number or date"
                    : null)) is { } problem)
            {
                Reject(path + ".patient_pseudonym", problem);
            }
        });
    }

    /// <summary>The portal takes the jurisdiction from the practice state, so the record must agree with it.</summary>
    private void CheckJurisdiction(Jurisdiction jurisdiction, Func<string, Regulator> regulatorOf)
    {
        if (PracticeState is null || !UsState.IsValid(PracticeState))
        {
            return;
        }

        var state = UsState.Normalize(PracticeState);
        var regulator = regulatorOf(state);
        if (jurisdiction.State != state)
        {
            Reject(At("jurisdiction.state"), $"'{jurisdiction.State}' differs from the practice state '{state}'");
        }
        else if (jurisdiction.Regulator != regulator)
        {
            Reject(At("jurisdiction.regulator"), $"{state} is regulated by {(regulator == Regulator.Nrc ? "the NRC" : "an Agreement State")}: the regulator must be {RecordCodes.Regulators.ToCode(regulator)}");
        }
    }

    private void NoteWhatIsLeftOut(TraineeRecord record)
    {
        if (record.Cases.Count(c => c.SignedOff) is > 0 and var signedOff)
        {
            _notes.Add($"{Plural(signedOff, "case")} signed off on paper will arrive as submitted: the named preceptor reviews and signs off in the portal.");
        }

        if (record.Attestations.Count > 0)
        {
            _notes.Add($"{Plural(record.Attestations.Count, "attestation")} not imported: a signature cannot be moved; the preceptor attests in the portal.");
        }

        if (record.ContinuingEducation.Count > 0)
        {
            _notes.Add($"{Plural(record.ContinuingEducation.Count, "continuing-education record")} not imported: the portal does not keep them yet.");
        }

        if (record.ClassroomTraining.Any(c => c.Delivery.Length > 0))
        {
            _notes.Add("How classroom hours were delivered is not kept.");
        }
    }

    private string At(string recordPath) => $"{RecordPath}.{recordPath}";

    private void Each<T>(IReadOnlyList<T> items, string recordPath, Action<T, string> check)
    {
        for (var index = 0; index < items.Count; index++)
        {
            check(items[index], JsonFieldReader.Item(At(recordPath), index));
        }
    }

    private void Text(string path, string? value, int maxLength, bool screen = false)
    {
        if (TextInput.Problem(value, maxLength) is { } problem)
        {
            Reject(path, problem);
        }
        else if (screen && IdentifierScreen.Find(value) is { Count: > 0 } identifiers)
        {
            Reject(path, $"looks like it contains patient identifiers ({string.Join(", ", identifiers)}); TrainingNetwork stores none");
        }
    }

    private void NotAfter(string path, DateOnly date, DateOnly today)
    {
        if (date > today)
        {
            Reject(path, $"{date:yyyy-MM-dd} is in the future");
        }
    }

    private void Decimals(string path, decimal? value, int decimals)
    {
        if (value?.Scale > decimals && decimal.Round(value.Value, decimals) != value.Value)
        {
            Reject(path, $"use at most {decimals} decimal places");
        }
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}

/// <summary>The entries of an import file, or why the file as a whole cannot be read.</summary>
public sealed record ImportFile(IReadOnlyList<ImportEntry> Entries, string? Error)
{
    public static ImportFile Refused(string error) => new([], error);
}
