using TrainingNetwork.Domain.Readiness.Catalogue;
using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Readiness.Rules;

public static class RuleSets
{
    public static readonly RuleSetDefinition Nrc2019 = new()
    {
        Id = RuleSet.Nrc2019,
        Text = "10 CFR Part 35 as amended by 83 FR 33046",
        EffectiveFrom = new DateOnly(2019, 1, 14),
        RequestableCategories = [UseCategory.G1, UseCategory.G2, UseCategory.G3],
        ParenteralCategories = new Dictionary<EmissionClass, CaseCategory>
        {
            [EmissionClass.Beta] = CaseCategory.G3,
            [EmissionClass.Alpha] = CaseCategory.G3,
            [EmissionClass.Electron] = CaseCategory.G3,
            [EmissionClass.PhotonBelow150KeV] = CaseCategory.G3,
        },
        CategoryCitations = new Dictionary<UseCategory, string>
        {
            [UseCategory.G1] = "10 CFR 35.390(b)(1)(ii)(G)(1)",
            [UseCategory.G2] = "10 CFR 35.390(b)(1)(ii)(G)(2)",
            [UseCategory.G3] = "10 CFR 35.390(b)(1)(ii)(G)(3)",
        },
        GrandfatherDate = new DateOnly(2019, 1, 14),
        ResidencyProgramDirectorMayAttest = true,
    };

    public static readonly RuleSetDefinition Legacy2005 = new()
    {
        Id = RuleSet.Legacy2005,
        Text = "10 CFR Part 35 T&E text as amended by 70 FR 16336",
        EffectiveFrom = new DateOnly(2005, 4, 29),
        EffectiveUntil = new DateOnly(2019, 1, 13),
        RequestableCategories = [UseCategory.G1, UseCategory.G2, UseCategory.L3, UseCategory.L4],
        ParenteralCategories = new Dictionary<EmissionClass, CaseCategory>
        {
            [EmissionClass.Beta] = CaseCategory.L3,
            [EmissionClass.PhotonBelow150KeV] = CaseCategory.L3,
            [EmissionClass.Alpha] = CaseCategory.L4,
            [EmissionClass.Electron] = CaseCategory.L4,
            [EmissionClass.PhotonAtOrAbove150KeV] = CaseCategory.L4,
        },
        CategoryCitations = new Dictionary<UseCategory, string>
        {
            [UseCategory.G1] = "legacy 10 CFR 35.390(b)(1)(ii)(G)(1)",
            [UseCategory.G2] = "legacy 10 CFR 35.390(b)(1)(ii)(G)(2)",
            [UseCategory.L3] = "legacy 10 CFR 35.390(b)(1)(ii)(G)(3)",
            [UseCategory.L4] = "legacy 10 CFR 35.390(b)(1)(ii)(G)(4)",
        },
        EquivalentCodes = [(UseCategory.G3, UseCategory.L3), (UseCategory.G4, UseCategory.L4)],
        GrandfatherDate = new DateOnly(2005, 10, 24),
        ResidencyProgramDirectorMayAttest = false,
    };

    public static RuleSetDefinition For(RuleSet id) => id == RuleSet.Nrc2019 ? Nrc2019 : Legacy2005;
}
