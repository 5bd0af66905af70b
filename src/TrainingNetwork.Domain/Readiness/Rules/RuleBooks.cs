using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Readiness.Rules;

/// <summary>The six rule books: 35.396, 35.390(a) and 35.390(b) under NRC-2019 and LEGACY-2005 (au-rules.md §3, §4).</summary>
public static class RuleBooks
{
    private const int MinimumCases = 3;
    private static readonly string[] CapitalLetters = ["(A)", "(B)", "(C)", "(D)", "(E)"];
    private static readonly string[] RomanNumerals = ["(i)", "(ii)", "(iii)", "(iv)", "(v)"];

    private static readonly AuthorizationBasis[] Sections57And390 =
        [AuthorizationBasis.Section57, AuthorizationBasis.Section390];

    private static readonly AuthorizationBasis[] Sections57And390And396 =
        [AuthorizationBasis.Section57, AuthorizationBasis.Section390, AuthorizationBasis.Section396];

    public static readonly RuleBook Nrc2019Section396 = Section396(RuleSets.Nrc2019, "10 CFR 35.396", "(a)", "(b)(1)", "(b)(2)", "(b)(3)");
    public static readonly RuleBook Legacy2005Section396 = Section396(RuleSets.Legacy2005, "legacy 10 CFR 35.396", "", "(d)(1)", "(d)(2)", "(d)(3)");
    public static readonly RuleBook Nrc2019Section390Board = Section390(RuleSets.Nrc2019, "10 CFR 35.390", PathwayVariant.Section390Board);
    public static readonly RuleBook Legacy2005Section390Board = Section390(RuleSets.Legacy2005, "legacy 10 CFR 35.390", PathwayVariant.Section390Board);
    public static readonly RuleBook Nrc2019Section390Alternate = Section390(RuleSets.Nrc2019, "10 CFR 35.390", PathwayVariant.Section390Alternate);
    public static readonly RuleBook Legacy2005Section390Alternate = Section390(RuleSets.Legacy2005, "legacy 10 CFR 35.390", PathwayVariant.Section390Alternate);

    public static readonly IReadOnlyList<RuleBook> All =
    [
        Nrc2019Section396, Legacy2005Section396, Nrc2019Section390Board, Legacy2005Section390Board,
        Nrc2019Section390Alternate, Legacy2005Section390Alternate,
    ];

    public static RuleBook For(PathwayVariant variant, RuleSet ruleSet) =>
        All.Single(book => book.Variant == variant && book.RuleSet.Id == ruleSet);

    private static RuleBook Section396(
        RuleSetDefinition ruleSet, string section, string gateParagraph, string classroom, string work, string attestation)
    {
        var isCurrent = ruleSet.Id == RuleSet.Nrc2019;
        var cases = $"{section}{work}(vi)";
        return new RuleBook
        {
            Variant = PathwayVariant.Section396,
            RuleSet = ruleSet,
            // The legacy text put the gate in (a)-(c); the 2019 text in (a)(1)-(3).
            Gate = new EligibilityGate
            {
                NotEligibleCitation = $"{section}{gateParagraph}",
                AlreadyAuthorizedBasis = isCurrent ? $"{section}(a)(1)" : $"{section}(a)",
                CurrentAuBasis = isCurrent ? $"{section}(a)(2)" : $"{section}(b)",
                BoardBasis = isCurrent ? $"{section}(a)(3)" : $"{section}(c)",
                EligibleAuBases = [AuthorizationBasis.Section490, AuthorizationBasis.Section690],
                EligibleBoardSections = ["35.490", "35.690"],
                AlreadyAuthorizedVia35390Categories = isCurrent ? [UseCategory.G3] : [UseCategory.L3, UseCategory.L4],
            },
            ClassroomHours = new Requirement($"{section}{classroom}", 80),
            TopicCitations = Numbered<ClassroomTopic>($"{section}{classroom}", RomanNumerals),
            WorkElementCitations = Numbered<WorkElement>($"{section}{work}", RomanNumerals),
            SupervisorBases = Sections57And390And396,
            SupervisionCitation = $"{section}{work}",
            WorkSupervisorNeedsGrantedCategory = true,
            CasesCitation = cases,
            CaseMinimums = (isCurrent ? new[] { UseCategory.G3 } : [UseCategory.L3, UseCategory.L4])
                .ToDictionary(category => category, _ => new Requirement(cases, MinimumCases)),
            Attestation = new Requirement($"{section}{attestation}"),
            AttestorBases = Sections57And390And396,
        };
    }

    private static RuleBook Section390(RuleSetDefinition ruleSet, string section, PathwayVariant variant)
    {
        var isBoard = variant == PathwayVariant.Section390Board;
        var isCurrent = ruleSet.Id == RuleSet.Nrc2019;
        return new RuleBook
        {
            Variant = variant,
            RuleSet = ruleSet,
            EligibilityBasis = isBoard ? $"{section}(a)" : $"{section}(b)(1)",
            ClassroomHours = isBoard ? null : new Requirement($"{section}(b)(1)", 200),
            TotalHours = isBoard ? null : new Requirement($"{section}(b)(1)", 700),
            TopicCitations = isBoard ? new Dictionary<ClassroomTopic, string>() : Numbered<ClassroomTopic>($"{section}(b)(1)(i)", CapitalLetters),
            WorkElementCitations = isBoard ? new Dictionary<WorkElement, string>() : Numbered<WorkElement>($"{section}(b)(1)(ii)", CapitalLetters),
            SupervisorBases = Sections57And390,
            SupervisionCitation = $"{section}(b)(1)(ii)",
            WorkSupervisorNeedsGrantedCategory = false,
            CasesCitation = $"{section}(b)(1)(ii)(G)",
            CaseMinimums = ruleSet.CategoryCitations.ToDictionary(pair => pair.Key, pair => new Requirement(pair.Value, MinimumCases)),
            // Since 14 Jan 2019 the board pathway needs no preceptor attestation (83 FR 33046); before, it did.
            Attestation = isBoard && isCurrent ? null : new Requirement(isBoard ? $"{section}(a)" : $"{section}(b)(2)"),
            AttestorBases = Sections57And390,
        };
    }

    private static Dictionary<TKey, string> Numbered<TKey>(string stem, string[] suffixes) where TKey : struct, Enum =>
        Enum.GetValues<TKey>().Select((key, index) => (key, index)).ToDictionary(pair => pair.key, pair => stem + suffixes[pair.index]);
}
