using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Jurisdictions;

/// <summary>
/// The first jurisdiction rows, from au-rules.md §8 (decision 0013). Admin keeps them current afterwards; these values
/// only seed an empty table.
/// </summary>
public static class JurisdictionSeed
{
    public static readonly DateOnly LegacyFrom = new(2005, 4, 29);
    public static readonly DateOnly Nrc2019From = new(2019, 1, 14);

    /// <summary>Agreement States had three years to adopt the 2019 text (au-rules.md §8, compatibility timing).</summary>
    public static readonly DateOnly AgreementStateAdoptionAssumed = new(2022, 1, 14);

    public static readonly DateOnly ConnecticutAgreement = new(2025, 9, 30);

    /// <summary>The 40 Agreement States of au-rules.md §8 (Connecticut from <see cref="ConnecticutAgreement"/>).</summary>
    public static IReadOnlySet<string> AgreementStates { get; } = new HashSet<string>
    {
        "AL", "AZ", "AR", "CA", "CO", "CT", "FL", "GA", "IL", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MN", "MS", "NE", "NV",
        "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "TN", "TX", "UT", "VT", "VA", "WA", "WI", "WY",
    };

    private const string NrcNote = "Seeded from au-rules.md §8: NRC-regulated; NRC's text as amended by 83 FR 33046 from 2019-01-14.";
    private const string LegacyNote = "Seeded from au-rules.md §8: the T&E text as amended by 70 FR 16336 (2005).";
    private const string AdoptionNote = "Seeded from au-rules.md §8: Agreement State; adoption of the 2019 text assumed at the three-year compatibility deadline. Verify against the state's rule.";
    private const string ConnecticutNote = "Seeded from au-rules.md §8: Connecticut became an Agreement State on 2025-09-30 (90 FR 46469).";

    /// <summary>Every seeded row, with ids from <paramref name="newId"/>.</summary>
    public static IEnumerable<JurisdictionRule> Rows(Func<Guid> newId)
    {
        foreach (var state in UsState.All)
        {
            if (state == "CT")
            {
                yield return new(newId(), state, Regulator.Nrc, RuleSet.Legacy2005, LegacyFrom, LegacyNote);
                yield return new(newId(), state, Regulator.Nrc, RuleSet.Nrc2019, Nrc2019From, NrcNote);
                yield return new(newId(), state, Regulator.AgreementState, RuleSet.Nrc2019, ConnecticutAgreement, ConnecticutNote);
            }
            else if (AgreementStates.Contains(state))
            {
                yield return new(newId(), state, Regulator.AgreementState, RuleSet.Legacy2005, LegacyFrom, LegacyNote);
                yield return new(newId(), state, Regulator.AgreementState, RuleSet.Nrc2019, AgreementStateAdoptionAssumed, AdoptionNote);
            }
            else
            {
                yield return new(newId(), state, Regulator.Nrc, RuleSet.Legacy2005, LegacyFrom, LegacyNote);
                yield return new(newId(), state, Regulator.Nrc, RuleSet.Nrc2019, Nrc2019From, NrcNote);
            }
        }
    }
}
