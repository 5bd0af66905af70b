using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Rules;

namespace TrainingNetwork.Domain.Readiness.Catalogue;

/// <summary>
/// The category of a case and, when the rules leave it open, the other categories it could be read as.
/// <see cref="Readings"/> starts with <see cref="Category"/>; more than one reading means a person must decide.
/// </summary>
public sealed record CaseClassification(CaseCategory Category, IReadOnlyList<CaseCategory> Readings, string Explanation, bool OnThresholdBoundary = false)
{
    public bool IsSettled => Readings.Count == 1;
}

/// <summary>au-rules.md §2 "category assignment algorithm": derives a case's category; a typed-in category is never trusted.</summary>
public static class CaseClassifier
{
    public static CaseClassification Classify(CaseEntry entry, RuleSetDefinition ruleSet)
    {
        var agent = RadiopharmaceuticalCatalogue.Find(entry.Radiopharmaceutical, entry.Nuclide);
        var nuclide = NuclideTable.Find(entry.Nuclide);

        if (agent?.Kind == AgentKind.Part1000)
        {
            return Settled(CaseCategory.K1000, $"{agent.Name} are a 10 CFR 35.1000 use, not a 35.300 administration");
        }

        if (agent?.Kind == AgentKind.Diagnostic || (agent is null && nuclide?.DiagnosticOnly == true))
        {
            return Settled(CaseCategory.NoWrittenDirective, $"{entry.Nuclide} is a diagnostic radionuclide; 35.40 requires no written directive");
        }

        if (!entry.WrittenDirectiveRequired)
        {
            return Settled(CaseCategory.NoWrittenDirective, "the record says 35.40 required no written directive");
        }

        if (entry.Route == AdministrationRoute.Oral)
        {
            return ClassifyOral(entry, agent);
        }

        if (nuclide is null)
        {
            var possible = ruleSet.ParenteralCategories.Values.Distinct().Order();
            return new CaseClassification(
                CaseCategory.NotG,
                [CaseCategory.NotG, .. possible],
                $"{entry.Nuclide} is not in the nuclide catalogue; a reviewer must decide which emission it is used for");
        }

        var category = ruleSet.ParenteralCategories.GetValueOrDefault(nuclide.EmissionClass, CaseCategory.NotG);
        return Settled(category, $"{nuclide.Symbol} is used for its {nuclide.EmissionClass} emission");
    }

    private static CaseClassification ClassifyOral(CaseEntry entry, Radiopharmaceutical? agent)
    {
        if (agent?.Kind == AgentKind.OralSodiumIodide)
        {
            return ClassifySodiumIodide(entry.ActivityMbq);
        }

        if (agent is null && string.Equals(entry.Nuclide.Trim(), "I-131", StringComparison.OrdinalIgnoreCase))
        {
            var iodine = ClassifySodiumIodide(entry.ActivityMbq);
            return new CaseClassification(
                CaseCategory.NotG,
                [CaseCategory.NotG, .. iodine.Readings],
                $"oral I-131 product '{entry.Radiopharmaceutical}' is not recognized as sodium iodide; a reviewer must confirm it");
        }

        return Settled(CaseCategory.NotG, "oral therapy other than sodium iodide I-131 is outside 35.390(b)(1)(ii)(G)");
    }

    private static CaseClassification ClassifySodiumIodide(decimal activityMbq)
    {
        if (activityMbq <= DosageThresholds.WrittenDirectiveAboveMbq)
        {
            return Settled(CaseCategory.NoWrittenDirective, "oral sodium iodide I-131 at or below 1.11 MBq (30 µCi) needs no written directive (35.40(a))");
        }

        if (activityMbq <= DosageThresholds.G1MaximumMbq)
        {
            return Settled(CaseCategory.G1, "oral sodium iodide I-131 at or below 1.22 GBq");
        }

        if (activityMbq <= DosageThresholds.ThirtyThreeMillicurieMbq)
        {
            // The activity is recorded in MBq, so the SI limit classifies it; the 33 mCi reading is the alternative.
            return new CaseClassification(
                CaseCategory.G2,
                [CaseCategory.G2, CaseCategory.G1],
                $"{activityMbq} MBq is above 1.22 GBq (G2) but not above 33 mCi = 1221 MBq (G1)",
                OnThresholdBoundary: true);
        }

        return Settled(CaseCategory.G2, "oral sodium iodide I-131 above 1.22 GBq (33 mCi)");
    }

    private static CaseClassification Settled(CaseCategory category, string explanation) => new(category, [category], explanation);
}
