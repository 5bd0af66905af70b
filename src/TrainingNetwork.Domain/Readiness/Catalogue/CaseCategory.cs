using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Readiness.Catalogue;

/// <summary>What the engine derives for a case: a use category, or why it is not a case for these rules.</summary>
public enum CaseCategory
{
    G1,
    G2,
    G3,
    L3,
    L4,

    /// <summary>35.40 required no written directive: not a case.</summary>
    NoWrittenDirective,

    /// <summary>A 10 CFR 35.1000 use (e.g. Y-90 microspheres).</summary>
    K1000,

    /// <summary>Therapeutic, but outside the rule set's categories.</summary>
    NotG,
}

public static class CaseCategories
{
    public static readonly CodeMap<CaseCategory> Codes = new(
        ("G1", CaseCategory.G1),
        ("G2", CaseCategory.G2),
        ("G3", CaseCategory.G3),
        ("L3", CaseCategory.L3),
        ("L4", CaseCategory.L4),
        ("NO_WD", CaseCategory.NoWrittenDirective),
        ("K1000", CaseCategory.K1000),
        ("NOT_G", CaseCategory.NotG));

    public static UseCategory? AsUseCategory(this CaseCategory category) => category switch
    {
        CaseCategory.G1 => UseCategory.G1,
        CaseCategory.G2 => UseCategory.G2,
        CaseCategory.G3 => UseCategory.G3,
        CaseCategory.L3 => UseCategory.L3,
        CaseCategory.L4 => UseCategory.L4,
        _ => null,
    };
}
