using TrainingNetwork.Domain.Readiness.Catalogue;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;

namespace TrainingNetwork.Domain.Readiness.Evaluation;

/// <summary>Three supervised cases per requested category (35.390(b)(1)(ii)(G), 35.396(b)(2)(vi)), with the (G)(2) → (G)(1) substitution.</summary>
internal static class CaseRequirement
{
    public sealed record Outcome(IReadOnlyList<Finding> Findings, bool SubstitutedG2ForG1);

    public static Outcome Judge(EvaluationContext context, IReadOnlyList<CaseAssessment> cases, UseCategory category)
    {
        var requirement = context.Book.CaseMinimums[category];
        var own = CaseTally.Count(cases, ToCaseCategory(category));
        var ownFindings = own.Judge(requirement, CategoryLabels.Of(category));
        if (ownFindings.Count == 0 || category != UseCategory.G1)
        {
            return new Outcome(ownFindings, false);
        }

        var g2Requirement = context.Book.CaseMinimums[UseCategory.G2];
        var g2 = CaseTally.Count(cases, CaseCategory.G2);
        var g2Findings = g2.Judge(g2Requirement, CategoryLabels.Of(UseCategory.G2));
        if (g2Findings.Count == 0)
        {
            return new Outcome([], true);
        }

        if (!ownFindings.HasBlocking())
        {
            return new Outcome(ownFindings, false);
        }

        if (!g2Findings.HasBlocking())
        {
            return new Outcome(g2Findings, false);
        }

        // Q4: the substitution sentence speaks of three (G)(2) cases; mixing (G)(1) and (G)(2) cases is a reading a person must make.
        var minimum = (int)requirement.Minimum;
        if (own.Possible + g2.Possible >= minimum)
        {
            return new Outcome(
                [new Finding(ReasonCode.CasesMin, requirement.Citation,
                    $"{own.Possible} (G)(1) + {g2.Possible} (G)(2) cases: QUALIFIED if a reviewer accepts mixing them, NOT_QUALIFIED under the reading that only three (G)(2) cases substitute (Q4)",
                    NeedsReview: true)],
                false);
        }

        return new Outcome(ownFindings, false);
    }

    public static CaseCategory ToCaseCategory(UseCategory category) => category switch
    {
        UseCategory.G1 => CaseCategory.G1,
        UseCategory.G2 => CaseCategory.G2,
        UseCategory.G3 => CaseCategory.G3,
        UseCategory.L3 => CaseCategory.L3,
        UseCategory.L4 => CaseCategory.L4,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "no case is ever classified as the old (G)(4)"),
    };
}
