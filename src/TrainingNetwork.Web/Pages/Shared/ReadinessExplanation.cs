using TrainingNetwork.Domain.Readiness.Results;

namespace TrainingNetwork.Web.Pages;

/// <summary>What the explanation partial shows: an engine result, and optional readable names for its case ids.</summary>
public sealed record ReadinessExplanation(ReadinessResult Result, IReadOnlyDictionary<string, string>? CaseLabels = null)
{
    public string LabelOf(string caseId) => CaseLabels?.GetValueOrDefault(caseId) ?? caseId;
}
