using TrainingNetwork.Domain.Readiness.Catalogue;
using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Readiness.Rules;

/// <summary>One text of 10 CFR Part 35 (au-rules.md §0.2) and the category vocabulary it defines.</summary>
public sealed record RuleSetDefinition
{
    public required RuleSet Id { get; init; }
    public required string Text { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public DateOnly? EffectiveUntil { get; init; }

    /// <summary>Categories a trainee may request under this text; anything else is invalid input.</summary>
    public required IReadOnlyList<UseCategory> RequestableCategories { get; init; }

    /// <summary>Category of a parenteral therapeutic case by the emission used; a class that is absent means NOT_G.</summary>
    public required IReadOnlyDictionary<EmissionClass, CaseCategory> ParenteralCategories { get; init; }

    /// <summary>The paragraph that defines each category under this text.</summary>
    public required IReadOnlyDictionary<UseCategory, string> CategoryCitations { get; init; }

    /// <summary>Codes that name the same category in older listings (the legacy (G)(3)/(G)(4) are L3/L4).</summary>
    public IReadOnlyList<(UseCategory Listed, UseCategory Same)> EquivalentCodes { get; init; } = [];

    /// <summary>35.57: AUs identified on a license on or before this date need not meet this text's T&amp;E for those uses.</summary>
    public required DateOnly GrandfatherDate { get; init; }

    public required bool ResidencyProgramDirectorMayAttest { get; init; }

    public bool InEffectOn(DateOnly date) => date >= EffectiveFrom && (EffectiveUntil is null || date <= EffectiveUntil);

    public bool Covers(UseCategory listed, UseCategory wanted) =>
        listed == wanted || EquivalentCodes.Any(pair =>
            (pair.Listed == listed && pair.Same == wanted) || (pair.Listed == wanted && pair.Same == listed));

    public bool Covers(IEnumerable<UseCategory> listed, UseCategory wanted) => listed.Any(code => Covers(code, wanted));
}
