using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;

namespace TrainingNetwork.Web.Pages;

/// <summary>What the explanation partial shows: an engine result, and optional readable names for its case ids.</summary>
public sealed record ReadinessExplanation(ReadinessResult Result, IReadOnlyDictionary<string, string>? CaseLabels = null)
{
    public string LabelOf(string caseId) => CaseLabels?.GetValueOrDefault(caseId) ?? caseId;

    /// <summary>Explains the result for a stored record, naming its cases by date and agent instead of their ids.</summary>
    public static ReadinessExplanation For(TraineeRecord record, ReadinessResult result) =>
        new(result, record.Cases.ToDictionary(c => c.CaseId, c => $"{c.Date:yyyy-MM-dd} · {c.Radiopharmaceutical}"));
}
