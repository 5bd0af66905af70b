using TrainingNetwork.Domain.Readiness.Catalogue;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Domain.Readiness.Rules;

namespace TrainingNetwork.Domain.Readiness.Evaluation;

/// <summary>A case under one reading of its category, and what stops it counting under that reading.</summary>
internal sealed record CaseReading(CaseCategory Category, IReadOnlyList<Finding> Blocking, Authorization? SupervisorListing)
{
    public bool Countable => Blocking.Count == 0;
}

internal sealed record CaseAssessment(CaseEntry Case, CaseClassification Classification, IReadOnlyList<CaseReading> Readings)
{
    public CaseReading Reported => Readings[0];

    /// <summary>Repeat administrations share a pseudonym; a case without one is taken as its own patient.</summary>
    public string PatientKey => Case.PatientPseudonym ?? "\u0000" + Case.CaseId;

    public bool CountsFor(CaseCategory category) => Classification.IsSettled && Reported.Category == category && Reported.Countable;

    public bool MayCountFor(CaseCategory category) => Readings.Any(reading => reading.Category == category && reading.Countable);

    public IReadOnlyList<Finding> Reasons(EvaluationContext context) => Classification.OnThresholdBoundary
        ? [.. Reported.Blocking, new Finding(ReasonCode.ThresholdBoundary, context.RuleSet.CategoryCitations[UseCategory.G1],
            Classification.Explanation + "; a person must decide which unit the written directive used", NeedsReview: true)]
        : Reported.Blocking;

    public static CaseAssessment Assess(EvaluationContext context, CaseEntry entry)
    {
        var classification = CaseClassifier.Classify(entry, context.RuleSet);
        var readings = classification.Readings.Select(category => Read(context, entry, category, classification)).ToList();
        return new CaseAssessment(entry, classification, readings);
    }

    private static CaseReading Read(EvaluationContext context, CaseEntry entry, CaseCategory category, CaseClassification classification)
    {
        var book = context.Book;
        if (category.AsUseCategory() is not { } useCategory)
        {
            var code = category == CaseCategory.NoWrittenDirective ? ReasonCode.CaseNoWrittenDirective : ReasonCode.CaseNotSection300;
            return Blocked(category, new Finding(code, book.CasesCitation,
                $"{classification.Explanation}; not a case for {context.PathwayName}"));
        }

        if (!book.CaseMinimums.ContainsKey(useCategory))
        {
            var counted = string.Join(", ", book.CaseMinimums.Keys.Select(CategoryLabels.Of));
            return Blocked(category, new Finding(ReasonCode.CaseWrongCategory, book.CasesCitation,
                $"a {CategoryLabels.Of(useCategory)} case ({classification.Explanation}); {context.PathwayName} counts {counted} cases only"));
        }

        var citation = context.CaseCitation(useCategory);
        var blocking = new List<Finding>();
        if (entry.Date > context.EvaluationDate)
        {
            blocking.Add(new Finding(ReasonCode.CaseAfterEvaluationDate, citation,
                $"dated {EvaluationContext.Day(entry.Date)}, after the evaluation date {EvaluationContext.Day(context.EvaluationDate)}"));
        }

        if (!entry.SignedOff)
        {
            blocking.Add(new Finding(ReasonCode.CaseNotSignedOff, citation, "not yet signed off by the supervising preceptor"));
        }

        if (!entry.PersonalParticipation)
        {
            blocking.Add(new Finding(ReasonCode.CaseNoParticipation, citation, "observation only is not administering dosages"));
        }

        var (standing, problem) = SupervisionCheck.Check(context, entry.SupervisorId,
            listing => listing.Covers(useCategory, context.RuleSet), CategoryLabels.Of(useCategory), entry.Date, entry.License);
        if (problem is not null)
        {
            blocking.Add(problem);
        }

        return new CaseReading(category, blocking, standing.Authorization);
    }

    private static CaseReading Blocked(CaseCategory category, Finding finding) => new(category, [finding], null);
}

internal static class CategoryLabels
{
    public static string Of(UseCategory category) => category switch
    {
        UseCategory.G1 => "(G)(1)",
        UseCategory.G2 => "(G)(2)",
        UseCategory.G3 => "(G)(3)",
        UseCategory.G4 => "(G)(4)",
        UseCategory.L3 => "L3 (beta or photon < 150 keV)",
        _ => "L4 (any other radionuclide)",
    };
}
