using TrainingNetwork.Domain.Readiness.Evaluation;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Domain.Readiness.Rules;

namespace TrainingNetwork.Domain.Readiness;

/// <summary>
/// Decides, for one trainee record, which requested 35.300 categories the trainee is ready to be named an AU for (au-rules.md §10).
/// Pure and deterministic: the result depends on the record only (never on the clock, or on the order of any list but
/// <c>requested_categories</c>).
/// </summary>
public static class ReadinessEngine
{
    public const string Version = "1.0.0";

    public static ReadinessResult Evaluate(TraineeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var ruleSet = RuleSets.For(record.RuleSet);
        var invalid = record.RequestedCategories.Where(c => !ruleSet.RequestableCategories.Contains(c)).ToList();
        if (invalid.Count > 0)
        {
            throw new ArgumentException(
                $"{string.Join(", ", invalid.Select(RecordCodes.Categories.ToCode))} cannot be requested under {RecordCodes.RuleSets.ToCode(record.RuleSet)}",
                nameof(record));
        }

        var context = new EvaluationContext(record, RuleBookFor(record));
        var cases = record.Cases
            .OrderBy(c => c.CaseId, StringComparer.Ordinal).ThenBy(c => c.Date)
            .Select(c => CaseAssessment.Assess(context, c))
            .ToList();

        var common = new List<EvidenceGroup>
        {
            new("Classroom training", window => TrainingChecks.Classroom(context, window), record.ClassroomTraining.Select(e => e.Completed)),
            new("Total hours", window => TrainingChecks.TotalHours(context, window), record.ClassroomTraining.Select(e => e.Completed)
                .Concat(record.WorkExperience.Select(e => e.Completed))),
            new("Work experience", window => TrainingChecks.WorkElements(context, window), record.WorkExperience.Select(e => e.Completed)),
        };
        var commonFindings = common.SelectMany(group => group.Judge(EvidenceWindow.All)).ToList();

        var warnings = new List<Finding>(WarningRules.ForRecord(context));
        EligibilityCheck.Outcome gate = context.Book.Gate is { } eligibilityGate
            ? EligibilityCheck.Judge(context, eligibilityGate)
            : new(new EligibilityResult(commonFindings.Count == 0, commonFindings.Count == 0 ? context.Book.EligibilityBasis : null, commonFindings), [], false);
        if (!gate.Result.Met && context.Book.Gate is not null)
        {
            warnings.Add(new Finding(ReasonCode.OtherPathway, "10 CFR 35.390(b)",
                "Cases and hours remain reusable toward 35.390(b) (700 h including 200 h classroom) if otherwise compliant."));
        }

        var categories = record.RequestedCategories.Distinct()
            .Select(category => JudgeCategory(context, category, gate, common, cases, warnings))
            .ToList();
        warnings.AddRange(WarningRules.ForCases(context, cases));

        return new ReadinessResult(
            record.Pathway,
            record.RuleSet,
            record.EvaluationDate,
            Version,
            gate.Result,
            categories,
            cases.Select(a => new CaseResult(a.Case.CaseId, a.Reported.Category, a.Reported.Countable, a.Reasons(context))).ToList(),
            warnings.Distinct().ToList());
    }

    /// <summary>The requirements the engine applies to this record, e.g. for showing progress against their thresholds.</summary>
    public static RuleBook RuleBookFor(TraineeRecord record) => RuleBooks.For(ChooseVariant(record), record.RuleSet);

    /// <summary>35.390(a) when the trainee holds a board certificate recognized under 35.390; otherwise the alternate pathway (b).</summary>
    private static PathwayVariant ChooseVariant(TraineeRecord record)
    {
        if (record.Pathway == Pathway.Section396)
        {
            return PathwayVariant.Section396;
        }

        var boardCertified = record.Trainee.BoardCertifications.Any(c => c.Issued <= record.EvaluationDate && c.RecognizedUnder.Contains("35.390"));
        return boardCertified ? PathwayVariant.Section390Board : PathwayVariant.Section390Alternate;
    }

    private static CategoryResult JudgeCategory(
        EvaluationContext context,
        UseCategory category,
        EligibilityCheck.Outcome gate,
        IReadOnlyList<EvidenceGroup> common,
        IReadOnlyList<CaseAssessment> cases,
        List<Finding> warnings)
    {
        var book = context.Book;
        var grantable = book.CaseMinimums.ContainsKey(category);
        if (EligibilityCheck.AlreadyAuthorized(context, category) || (gate.AlreadyAuthorizedByGate && grantable))
        {
            return new CategoryResult(category, ReadinessStatus.AlreadyAuthorized, []);
        }

        var findings = new List<Finding>(gate.CategoryFindings);
        if (!grantable)
        {
            findings.Add(new Finding(ReasonCode.NotEligible, book.CasesCitation,
                $"{context.PathwayName} does not grant {CategoryLabels.Of(category)}; consider 35.390(b)"));
            return new CategoryResult(category, ReadinessStatus.NotQualified, findings);
        }

        var caseOutcome = CaseRequirement.Judge(context, cases, category);
        var groups = new List<EvidenceGroup>(common)
        {
            new("Cases", window => window == EvidenceWindow.All ? caseOutcome.Findings : CaseRequirement.Judge(context, InWindow(context, cases, window), category).Findings,
                cases.Select(a => a.Case.Date)),
        };

        if (caseOutcome.SubstitutedG2ForG1)
        {
            warnings.Add(new Finding(ReasonCode.RuleTextUnverified, context.RuleSet.CategoryCitations[UseCategory.G2],
                "G1 is met by three (G)(2) cases; the sentence that lets (G)(2) cases satisfy (G)(1) is tagged [U] in au-rules.md: verify its current wording."));
        }

        findings.AddRange(groups.SelectMany(group => group.Judge(EvidenceWindow.All)));
        if (book.Attestation is not null)
        {
            var attestation = AttestationCheck.Judge(context, category, EvidenceWindow.All);
            groups.Add(new("Attestation", window => window == EvidenceWindow.All ? attestation.Findings : AttestationCheck.Judge(context, category, window).Findings,
                context.Record.Attestations.Where(a => context.RuleSet.Covers(a.Categories, category)).Select(a => a.Date)));
            findings.AddRange(attestation.Findings);
            if (!attestation.Findings.HasBlocking() && WarningRules.MultiplePreceptors(context, category, cases, attestation.Attestors) is { } multiple)
            {
                warnings.Add(multiple);
            }
        }

        if (book.Variant == PathwayVariant.Section390Board)
        {
            var certificate = context.Record.Trainee.BoardCertifications.Where(c => c.RecognizedUnder.Contains("35.390")).Max(c => c.Issued);
            groups.Add(new("Board certification", window => context.Admits(certificate, window) ? [] : [BoardCertificateTooOld(context)], [certificate]));
        }

        findings.AddRange(RecentnessCheck.Judge(context, groups));
        return new CategoryResult(category, findings.ToStatus(), findings);
    }

    private static List<CaseAssessment> InWindow(EvaluationContext context, IReadOnlyList<CaseAssessment> cases, EvidenceWindow window) =>
        cases.Where(a => context.Admits(a.Case.Date, window)).ToList();

    private static Finding BoardCertificateTooOld(EvaluationContext context) =>
        new(ReasonCode.Recentness, context.Book.Recentness.Citation, "board certificate older than 7 years");
}
