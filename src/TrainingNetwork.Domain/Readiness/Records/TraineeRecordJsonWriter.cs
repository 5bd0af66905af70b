using System.Globalization;
using System.Text.Json;

namespace TrainingNetwork.Domain.Readiness.Records;

/// <summary>Writes a record as trainingnetwork.trainee-record v1, the format <see cref="TraineeRecordJson"/> reads.</summary>
public static class TraineeRecordJsonWriter
{
    public static string Serialize(TraineeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(writer, record);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Write(Utf8JsonWriter w, TraineeRecord record)
    {
        w.WriteStartObject();
        w.WriteString("format", TraineeRecord.FormatName);
        w.WriteNumber("version", TraineeRecord.FormatVersion);
        w.WriteString("pathway", RecordCodes.Pathways.ToCode(record.Pathway));
        w.WriteString("rule_set", RecordCodes.RuleSets.ToCode(record.RuleSet));
        w.WriteStartObject("jurisdiction");
        w.WriteString("regulator", RecordCodes.Regulators.ToCode(record.Jurisdiction.Regulator));
        w.WriteString("state", record.Jurisdiction.State);
        w.WriteEndObject();
        WriteCodes(w, "requested_categories", record.RequestedCategories.Select(RecordCodes.Categories.ToCode));
        WriteDate(w, "evaluation_date", record.EvaluationDate);
        WriteDate(w, "application_date", record.EffectiveApplicationDate);

        w.WriteStartObject("trainee");
        w.WriteString("id", record.Trainee.Id);
        w.WriteString("specialty", record.Trainee.Specialty);
        WriteAuthorizations(w, "au_authorizations", record.Trainee.AuAuthorizations);
        WriteArray(w, "board_certifications", record.Trainee.BoardCertifications, b =>
        {
            w.WriteString("board", b.Board);
            w.WriteString("specialty", b.Specialty);
            WriteDate(w, "issued", b.Issued);
            WriteCodes(w, "recognized_under", b.RecognizedUnder);
        });
        w.WriteEndObject();

        WriteArray(w, "classroom_training", record.ClassroomTraining, c =>
        {
            w.WriteString("topic", RecordCodes.Topics.ToCode(c.Topic));
            w.WriteNumber("hours", c.Hours);
            WriteDate(w, "completed", c.Completed);
            w.WriteString("provider", c.Provider);
            w.WriteString("delivery", c.Delivery);
        });
        WriteArray(w, "work_experience", record.WorkExperience, e =>
        {
            w.WriteString("element", RecordCodes.WorkElements.ToCode(e.Element));
            WriteDate(w, "completed", e.Completed);
            if (e.Hours is { } hours)
            {
                w.WriteNumber("hours", hours);
            }

            w.WriteString("supervisor_id", e.SupervisorId);
            w.WriteString("license", e.License);
        });
        WriteArray(w, "cases", record.Cases, c =>
        {
            w.WriteString("case_id", c.CaseId);
            WriteDate(w, "date", c.Date);
            w.WriteString("radiopharmaceutical", c.Radiopharmaceutical);
            w.WriteString("nuclide", c.Nuclide);
            w.WriteString("route", RecordCodes.Routes.ToCode(c.Route));
            w.WriteNumber("activity_mbq", c.ActivityMbq);
            w.WriteBoolean("written_directive_required", c.WrittenDirectiveRequired);
            w.WriteBoolean("personal_participation", c.PersonalParticipation);
            w.WriteString("supervisor_id", c.SupervisorId);
            w.WriteString("license", c.License);
            w.WriteBoolean("signed_off", c.SignedOff);
            w.WriteString("patient_pseudonym", c.PatientPseudonym);
        });
        WriteArray(w, "preceptors", record.Preceptors, p =>
        {
            w.WriteString("id", p.Id);
            w.WriteString("name", p.Name);
            w.WriteBoolean("residency_program_director", p.ResidencyProgramDirector);
            WriteAuthorizations(w, "authorizations", p.Authorizations);
        });
        WriteArray(w, "attestations", record.Attestations, a =>
        {
            w.WriteString("attestor_id", a.AttestorId);
            w.WriteString("type", RecordCodes.AttestationTypes.ToCode(a.Type));
            WriteDate(w, "date", a.Date);
            WriteCodes(w, "categories", a.Categories.Select(RecordCodes.Categories.ToCode));
            w.WriteString("concurring_faculty_id", a.ConcurringFacultyId);
        });
        WriteArray(w, "continuing_education", record.ContinuingEducation, e =>
        {
            WriteDate(w, "date", e.Date);
            if (e.Hours is { } hours)
            {
                w.WriteNumber("hours", hours);
            }

            w.WriteString("description", e.Description);
        });
        w.WriteEndObject();
    }

    private static void WriteAuthorizations(Utf8JsonWriter w, string name, IEnumerable<Authorization> authorizations) =>
        WriteArray(w, name, authorizations, a =>
        {
            w.WriteString("basis", RecordCodes.Bases.ToCode(a.Basis));
            WriteCodes(w, "categories", a.Categories.Select(RecordCodes.Categories.ToCode));
            w.WriteString("license", a.License);
            w.WriteString("regulator", RecordCodes.Regulators.ToCode(a.Regulator));
            w.WriteString("state", a.State);
            w.WriteString("status", RecordCodes.Statuses.ToCode(a.Status));
            WriteDate(w, "listed_from", a.ListedFrom);
            if (a.ListedUntil is { } until)
            {
                WriteDate(w, "listed_until", until);
            }
            else
            {
                w.WriteNull("listed_until");
            }
        });

    private static void WriteArray<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, Action<T> writeItem)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            writeItem(item);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteCodes(Utf8JsonWriter w, string name, IEnumerable<string> codes)
    {
        w.WriteStartArray(name);
        foreach (var code in codes)
        {
            w.WriteStringValue(code);
        }

        w.WriteEndArray();
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly date) =>
        w.WriteString(name, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
