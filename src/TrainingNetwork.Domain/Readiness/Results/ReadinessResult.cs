using TrainingNetwork.Domain.Readiness.Catalogue;
using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Readiness.Results;

public enum ReadinessStatus
{
    Qualified,
    NotQualified,

    /// <summary>The outcome depends on a reading of the rule that a person must make; the findings say which.</summary>
    NeedsReview,

    /// <summary>Already an AU for the category (listed, or grandfathered by 35.57).</summary>
    AlreadyAuthorized,
}

/// <summary>
/// One unmet requirement, case reason or warning. <see cref="Code"/> and <see cref="Citation"/> are the contract; <see cref="Detail"/> is for
/// people. <see cref="NeedsReview"/> marks a finding that a person must judge rather than one that fails the requirement.
/// </summary>
public sealed record Finding(ReasonCode Code, string? Citation, string Detail, bool NeedsReview = false);

public sealed record EligibilityResult(bool Met, string? Basis, IReadOnlyList<Finding> Unmet);

public sealed record CategoryResult(UseCategory Category, ReadinessStatus Status, IReadOnlyList<Finding> Unmet);

public sealed record CaseResult(string CaseId, CaseCategory Category, bool Counts, IReadOnlyList<Finding> Reasons);

public sealed record ReadinessResult(
    Pathway Pathway,
    RuleSet RuleSet,
    DateOnly EvaluationDate,
    string EngineVersion,
    EligibilityResult Eligibility,
    IReadOnlyList<CategoryResult> Categories,
    IReadOnlyList<CaseResult> Cases,
    IReadOnlyList<Finding> Warnings);
