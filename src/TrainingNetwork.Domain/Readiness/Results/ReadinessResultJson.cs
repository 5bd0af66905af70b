using System.Text.Json;
using TrainingNetwork.Domain.Readiness.Catalogue;
using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Readiness.Results;

/// <summary>Writes a result as trainingnetwork.readiness-result v1: snake_case keys in the spec's order, dates as yyyy-MM-dd.</summary>
public static class ReadinessResultJson
{
    public const string FormatName = "trainingnetwork.readiness-result";
    public const int FormatVersion = 1;

    public static readonly CodeMap<ReadinessStatus> Statuses = new(
        ("QUALIFIED", ReadinessStatus.Qualified),
        ("NOT_QUALIFIED", ReadinessStatus.NotQualified),
        ("NEEDS_REVIEW", ReadinessStatus.NeedsReview),
        ("ALREADY_AUTHORIZED", ReadinessStatus.AlreadyAuthorized));

    public static string Serialize(ReadinessResult result, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            Write(writer, result);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void Write(Utf8JsonWriter writer, ReadinessResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteString("format", FormatName);
        writer.WriteNumber("version", FormatVersion);
        writer.WriteString("pathway", RecordCodes.Pathways.ToCode(result.Pathway));
        writer.WriteString("rule_set", RecordCodes.RuleSets.ToCode(result.RuleSet));
        writer.WriteString("evaluation_date", result.EvaluationDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        writer.WriteStartObject("eligibility");
        writer.WriteBoolean("met", result.Eligibility.Met);
        writer.WriteString("basis", result.Eligibility.Basis);
        WriteFindings(writer, "unmet", result.Eligibility.Unmet);
        writer.WriteEndObject();

        writer.WriteStartArray("categories");
        foreach (var category in result.Categories)
        {
            writer.WriteStartObject();
            writer.WriteString("category", RecordCodes.Categories.ToCode(category.Category));
            writer.WriteString("status", Statuses.ToCode(category.Status));
            WriteFindings(writer, "unmet", category.Unmet);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("cases");
        foreach (var entry in result.Cases)
        {
            writer.WriteStartObject();
            writer.WriteString("case_id", entry.CaseId);
            writer.WriteString("category", CaseCategories.Codes.ToCode(entry.Category));
            writer.WriteBoolean("counts", entry.Counts);
            WriteFindings(writer, "reasons", entry.Reasons);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        WriteFindings(writer, "warnings", result.Warnings);
        writer.WriteString("engine_version", result.EngineVersion);
        writer.WriteEndObject();
    }

    private static void WriteFindings(Utf8JsonWriter writer, string name, IEnumerable<Finding> findings)
    {
        writer.WriteStartArray(name);
        foreach (var finding in findings)
        {
            writer.WriteStartObject();
            writer.WriteString("code", ReasonCodes.Codes.ToCode(finding.Code));
            writer.WriteString("citation", finding.Citation);
            writer.WriteString("detail", finding.Detail);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
