using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Readiness.Catalogue;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Rules;
using TrainingNetwork.Web.Pages.Cases;

namespace TrainingNetwork.Web.Pages.Coordination;

/// <summary>The category a case given with a catalogue agent falls in, as the engine's classifier derives it.</summary>
public sealed record TherapyCategory(string Label, string Explanation);

public static class TherapyCategories
{
    // Centers train under the rules in force today (a trainee record's default rule set).
    private static readonly RuleSetDefinition RuleSet = RuleSets.Nrc2019;

    // Only oral sodium iodide depends on the activity: one probe on each side of the engine's (G)(1) limit.
    private static readonly decimal[] ProbeActivitiesMbq = [DosageThresholds.G1MaximumMbq, 7400m];

    // Classified once: every waitlist round and supply page asks for each center's therapies.
    private static readonly Dictionary<string, IReadOnlyList<string>> MatchingCategoriesByAgent =
        RadiopharmaceuticalCatalogue.All.ToDictionary(agent => agent.Name, agent => (IReadOnlyList<string>)
            [.. Classify(agent).Select(c => c.Category.AsUseCategory()).OfType<UseCategory>()
                .Select(RecordCodes.Categories.ToCode).Where(MatchingCategories.IsValid)]);

    /// <summary>The agents a center can offer for supervised cases: those a written directive is required for.</summary>
    public static IReadOnlyList<Radiopharmaceutical> Offerable { get; } =
        [.. RadiopharmaceuticalCatalogue.All.Where(agent => Classify(agent).All(c => c.Category != CaseCategory.NoWrittenDirective))];

    public static Radiopharmaceutical? FindOfferable(string? name) => Offerable.FirstOrDefault(agent => agent.Name == name);

    /// <summary>E.g. "(G)(3) parenteral", or "(G)(1) oral or (G)(2) oral" where the activity decides; null for an agent the catalogue does not know.</summary>
    public static TherapyCategory? Of(string agentName)
    {
        if (RadiopharmaceuticalCatalogue.All.FirstOrDefault(agent => agent.Name == agentName) is not { } agent)
        {
            return null;
        }

        var readings = Classify(agent);
        return new TherapyCategory(
            string.Join(" or ", readings.Select(c => Label(c.Category, agent.UsualRoute))),
            string.Join("; ", readings.Select(c => c.Explanation)));
    }

    /// <summary>
    /// The matching categories (G1, G2, G3) an agent's administrations fall in; both G1 and G2 for oral sodium iodide,
    /// whose activity decides. Empty for an agent outside them or unknown to the catalogue.
    /// </summary>
    public static IReadOnlyList<string> MatchingCategoriesOf(string agentName) => MatchingCategoriesByAgent.GetValueOrDefault(agentName, []);

    private static List<CaseClassification> Classify(Radiopharmaceutical agent) =>
        [.. ProbeActivitiesMbq.Select(activity => CaseClassifier.Classify(new CaseEntry
        {
            CaseId = agent.Name,
            Date = RuleSet.EffectiveFrom,
            Radiopharmaceutical = agent.Name,
            Nuclide = CaseInput.NuclideOf(agent),
            Route = agent.UsualRoute,
            ActivityMbq = activity,
            WrittenDirectiveRequired = true,
            PersonalParticipation = true,
            SupervisorId = "",
            SignedOff = false,
        }, RuleSet)).DistinctBy(c => c.Category)];

    private static string Label(CaseCategory category, AdministrationRoute route) => category.AsUseCategory() is { } use && RuleSet.CategoryCitations.TryGetValue(use, out var citation)
        ? $"{citation[citation.IndexOf("(G)", StringComparison.Ordinal)..]} {(route == AdministrationRoute.Oral ? "oral" : "parenteral")}"
        : category == CaseCategory.K1000 ? "10 CFR 35.1000 use, outside (G)" : "outside the (G) categories";
}
