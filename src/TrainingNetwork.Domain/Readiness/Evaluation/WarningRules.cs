using TrainingNetwork.Domain.Readiness.Catalogue;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Domain.Readiness.Rules;

namespace TrainingNetwork.Domain.Readiness.Evaluation;

/// <summary>Informational findings that never change a status: interpretive points to flag (Q7, Q10, Q11, Q14, Q15) and context.</summary>
internal static class WarningRules
{
    private static readonly string[] RemoteDeliveryWords = ["online", "virtual", "remote", "web", "self-paced"];

    public static IEnumerable<Finding> ForRecord(EvaluationContext context)
    {
        var record = context.Record;
        if (record.Jurisdiction.Regulator == Regulator.Nrc && !context.RuleSet.InEffectOn(record.EffectiveApplicationDate))
        {
            yield return new Finding(ReasonCode.RuleSetNotInEffect, null,
                $"{RecordCodes.RuleSets.ToCode(context.RuleSet.Id)} is not NRC's text on {EvaluationContext.Day(record.EffectiveApplicationDate)} (Q1)");
        }

        var late = record.ClassroomTraining.Count(e => e.Completed > context.EvaluationDate)
            + record.WorkExperience.Count(e => e.Completed > context.EvaluationDate)
            + record.Attestations.Count(e => e.Date > context.EvaluationDate)
            + record.ContinuingEducation.Count(e => e.Date > context.EvaluationDate);
        if (late > 0)
        {
            yield return new Finding(ReasonCode.EntryAfterEvaluationDate, null,
                $"{late} classroom, work-experience, attestation or CE entries are dated after {EvaluationContext.Day(context.EvaluationDate)} and were not counted");
        }

        foreach (var entry in record.ClassroomTraining.OrderBy(e => e.Completed).ThenBy(e => e.Topic))
        {
            if (RemoteDeliveryWords.Any(word => entry.Delivery.Contains(word, StringComparison.OrdinalIgnoreCase)))
            {
                yield return new Finding(ReasonCode.RemoteDelivery, context.Book.ClassroomHours?.Citation,
                    $"{RecordCodes.Topics.ToCode(entry.Topic)} ({EvaluationContext.Day(entry.Completed)}) was delivered '{entry.Delivery}': counted as clock hours; check laboratory components (Q10)");
            }
        }

        var onBoundary = record.ClassroomTraining.Select(e => e.Completed)
            .Concat(record.WorkExperience.Select(e => e.Completed))
            .Concat(record.Cases.Select(e => e.Date))
            .Concat(record.Attestations.Select(e => e.Date))
            .Concat(record.Trainee.BoardCertifications.Select(e => e.Issued));
        if (onBoundary.Contains(context.RecentSince))
        {
            yield return new Finding(ReasonCode.RecentnessBoundary, context.Book.Recentness.Citation,
                $"evidence dated exactly 7 years before the application ({EvaluationContext.Day(context.RecentSince)}) is treated as recent");
        }
    }

    public static IEnumerable<Finding> ForCases(EvaluationContext context, IReadOnlyList<CaseAssessment> cases)
    {
        var counting = cases.Where(a => a.Reported.Countable && a.Reported.Category.AsUseCategory() is not null).ToList();
        foreach (var nuclide in counting.Select(a => a.Case.Nuclide.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            if (RuleSetShift(context, nuclide) is { } shift)
            {
                yield return shift;
            }
        }

        var lastClassroom = context.Record.ClassroomTraining.Where(e => e.Completed <= context.EvaluationDate)
            .Select(e => e.Completed).DefaultIfEmpty(DateOnly.MinValue).Max();
        var early = counting.Where(a => a.Case.Date < lastClassroom).Select(a => a.Case.CaseId).ToList();
        if (early.Count > 0)
        {
            yield return new Finding(ReasonCode.CasesBeforeTraining, null,
                $"cases {string.Join(", ", early)} precede the end of classroom training ({EvaluationContext.Day(lastClassroom)}); no order is required (EP-7)");
        }

        foreach (var assessment in counting)
        {
            foreach (var warning in ForCase(context, assessment))
            {
                yield return warning;
            }
        }
    }

    /// <summary>Q13: the attestor vouches for cases other preceptors supervised.</summary>
    public static Finding? MultiplePreceptors(EvaluationContext context, UseCategory category, IReadOnlyList<CaseAssessment> cases, IReadOnlyList<string> attestors)
    {
        var caseCategory = CaseRequirement.ToCaseCategory(category);
        var others = cases.Where(a => a.CountsFor(caseCategory) && !attestors.Contains(a.Case.SupervisorId))
            .Select(a => a.Case.SupervisorId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return others.Count == 0
            ? null
            : new Finding(ReasonCode.MultiplePreceptors, context.Book.Attestation?.Citation,
                $"{CategoryLabels.Of(category)} cases were supervised by {string.Join(", ", others)}, not by the attestor: confirm the attestor reviewed that evidence or add their attestations (Q13)");
    }

    private static IEnumerable<Finding> ForCase(EvaluationContext context, CaseAssessment assessment)
    {
        var entry = assessment.Case;
        var category = assessment.Reported.Category.AsUseCategory()!.Value;
        var citation = context.CaseCitation(category);
        if (entry.Route is not (AdministrationRoute.Oral or AdministrationRoute.Intravenous))
        {
            yield return new Finding(ReasonCode.RouteNotIntravenous, citation,
                $"case {entry.CaseId}: route {RecordCodes.Routes.ToCode(entry.Route)} is treated as parenteral (Q14)");
        }

        if (category == UseCategory.G1 && entry.ActivityMbq <= DosageThresholds.DiagnosticLookingAtOrBelowMbq)
        {
            yield return new Finding(ReasonCode.DiagnosticActivity, citation,
                $"case {entry.CaseId}: {EvaluationContext.Hours(entry.ActivityMbq)} MBq needs a written directive and counts, but some reviewers expect therapy cases (Q15)");
        }

        var listing = assessment.Reported.SupervisorListing;
        if (listing is not null && !string.Equals(listing.License, entry.License, StringComparison.Ordinal))
        {
            yield return new Finding(ReasonCode.SupervisorOtherLicense, context.Book.SupervisionCitation,
                $"case {entry.CaseId} was done under license {entry.License}; supervisor {entry.SupervisorId} is listed on {listing.License} (Q11)");
        }
    }

    /// <summary>A nuclide whose category means something else under the other rule set (alpha emitters moved from (G)(4) into (G)(3) in 2019).</summary>
    private static Finding? RuleSetShift(EvaluationContext context, string symbol)
    {
        if (NuclideTable.Find(symbol) is not { } nuclide)
        {
            return null;
        }

        var here = context.RuleSet.ParenteralCategories.GetValueOrDefault(nuclide.EmissionClass, CaseCategory.NotG);
        var otherRuleSet = context.RuleSet.Id == RuleSet.Nrc2019 ? RuleSets.Legacy2005 : RuleSets.Nrc2019;
        var there = otherRuleSet.ParenteralCategories.GetValueOrDefault(nuclide.EmissionClass, CaseCategory.NotG);
        if (here.AsUseCategory() is not { } hereCategory
            || (there.AsUseCategory() is { } thereCategory && RuleSets.Legacy2005.Covers(hereCategory, thereCategory)))
        {
            return null;
        }

        return new Finding(ReasonCode.CategoryByRuleSet, context.RuleSet.CategoryCitations[hereCategory],
            $"{nuclide.Symbol} is primarily used for its {nuclide.EmissionUsed} emission: {CaseCategories.Codes.ToCode(here)} under {RecordCodes.RuleSets.ToCode(context.RuleSet.Id)}; under {RecordCodes.RuleSets.ToCode(otherRuleSet.Id)} it would be {CaseCategories.Codes.ToCode(there)}.");
    }
}
