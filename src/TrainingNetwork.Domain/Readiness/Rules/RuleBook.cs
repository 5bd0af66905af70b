using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Readiness.Rules;

public enum PathwayVariant
{
    /// <summary>10 CFR 35.396: parenteral administrations for AUs under 35.490/35.690 or their boards.</summary>
    Section396,

    /// <summary>10 CFR 35.390(a): a board certificate recognized under 35.390 plus case experience.</summary>
    Section390Board,

    /// <summary>10 CFR 35.390(b): the alternate pathway, 700 h including 200 h classroom.</summary>
    Section390Alternate,
}

/// <summary>A requirement with the paragraph it enforces and, where it has one, its threshold.</summary>
public sealed record Requirement(string Citation, decimal Minimum = 0);

/// <summary>35.396(a): who may use the 35.396 pathway at all.</summary>
public sealed record EligibilityGate
{
    public required string NotEligibleCitation { get; init; }
    public required string AlreadyAuthorizedBasis { get; init; }
    public required string CurrentAuBasis { get; init; }
    public required string BoardBasis { get; init; }

    /// <summary>An AU under one of these sections, currently listed, may use the pathway.</summary>
    public required IReadOnlyList<AuthorizationBasis> EligibleAuBases { get; init; }

    /// <summary>A board certificate recognized under one of these sections opens the pathway.</summary>
    public required IReadOnlyList<string> EligibleBoardSections { get; init; }

    /// <summary>A 35.390 AU for one of these categories is already a 35.396 AU ((a)(1)).</summary>
    public required IReadOnlyList<UseCategory> AlreadyAuthorizedVia35390Categories { get; init; }
}

/// <summary>Everything one pathway requires under one rule set: the requirements as data, with their citations.</summary>
public sealed record RuleBook
{
    public required PathwayVariant Variant { get; init; }
    public required RuleSetDefinition RuleSet { get; init; }

    /// <summary>The eligibility basis reported for 35.390; 35.396 reports the basis its <see cref="Gate"/> found.</summary>
    public string? EligibilityBasis { get; init; }

    public EligibilityGate? Gate { get; init; }
    public Requirement? ClassroomHours { get; init; }
    public Requirement? TotalHours { get; init; }
    public IReadOnlyDictionary<ClassroomTopic, string> TopicCitations { get; init; } = new Dictionary<ClassroomTopic, string>();
    public IReadOnlyDictionary<WorkElement, string> WorkElementCitations { get; init; } = new Dictionary<WorkElement, string>();

    /// <summary>Sections under which a supervising AU may qualify.</summary>
    public required IReadOnlyList<AuthorizationBasis> SupervisorBases { get; init; }

    public required string SupervisionCitation { get; init; }

    /// <summary>35.396 work experience is "in the parenteral administrations": its supervisor must hold a category the pathway grants.</summary>
    public required bool WorkSupervisorNeedsGrantedCategory { get; init; }

    /// <summary>The paragraph that says which administrations are cases.</summary>
    public required string CasesCitation { get; init; }

    /// <summary>The categories this pathway can grant, each with its minimum number of cases.</summary>
    public required IReadOnlyDictionary<UseCategory, Requirement> CaseMinimums { get; init; }

    /// <summary>Null when no attestation is required (35.390(a) since 2019).</summary>
    public Requirement? Attestation { get; init; }

    public required IReadOnlyList<AuthorizationBasis> AttestorBases { get; init; }

    public Requirement Recentness { get; init; } = new("10 CFR 35.59", Minimum: 7);
}
