using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Domain.Readiness.Rules;

namespace TrainingNetwork.Domain.Readiness.Evaluation;

/// <summary>The 35.396(a) gate (au-rules.md §10 steps 1-2) and the short-circuits for trainees who are already AUs.</summary>
internal static class EligibilityCheck
{
    /// <summary>What the gate decided; <see cref="CategoryFindings"/> are added to every requested category.</summary>
    public sealed record Outcome(EligibilityResult Result, IReadOnlyList<Finding> CategoryFindings, bool AlreadyAuthorizedByGate);

    public static Outcome Judge(EvaluationContext context, EligibilityGate gate)
    {
        var trainee = context.Record.Trainee;
        var today = context.EvaluationDate;
        var listings = trainee.AuAuthorizations;

        var via35390 = listings.Any(a => a.Basis == AuthorizationBasis.Section390 && a.IsListedOn(today)
            && gate.AlreadyAuthorizedVia35390Categories.Any(category => a.Covers(category, context.RuleSet)));
        if (via35390)
        {
            return Met(gate.AlreadyAuthorizedBasis, [], alreadyAuthorized: true);
        }

        if (listings.Any(a => gate.EligibleAuBases.Contains(a.Basis) && a.IsListedOn(today)))
        {
            return Met(gate.CurrentAuBasis, [], alreadyAuthorized: false);
        }

        var board = trainee.BoardCertifications
            .Where(c => c.Issued <= today && c.RecognizedUnder.Intersect(gate.EligibleBoardSections).Any())
            .OrderByDescending(c => c.Issued)
            .FirstOrDefault();
        if (board is not null)
        {
            return Met(gate.BoardBasis, StaleBoardFindings(context, board), alreadyAuthorized: false);
        }

        var pending = listings.FirstOrDefault(a => a.Status == AuthorizationStatus.Pending && gate.EligibleAuBases.Contains(a.Basis));
        if (pending is not null)
        {
            var finding = new Finding(ReasonCode.AuStatusPending, gate.CurrentAuBasis,
                $"the {RecordCodes.Bases.ToCode(pending.Basis)} authorization on license {pending.License} is pending; eligible upon listing (Q18)");
            return new Outcome(new EligibilityResult(false, null, [finding]), [finding], false);
        }

        var lapsed = listings.Any(a => gate.EligibleAuBases.Contains(a.Basis) && a.ListedUntil < today) ? " (a former listing has ended)" : "";
        return new Outcome(
            new EligibilityResult(false, null, [new Finding(ReasonCode.NotEligible, gate.NotEligibleCitation,
                $"Not an AU under 35.390 (G)(3), 35.490 or 35.690 (or Agreement State equivalent){lapsed}, and not certified by a board recognized under 35.490/35.690")]),
            [new Finding(ReasonCode.NotEligible, gate.NotEligibleCitation, "pathway unavailable; consider 35.390(b): 700 h incl. 200 h classroom")],
            false);
    }

    /// <summary>35.57 and current listings: the trainee is already an AU for the category.</summary>
    public static bool AlreadyAuthorized(EvaluationContext context, UseCategory category) =>
        context.Record.Trainee.AuAuthorizations.Any(listing =>
            AuthorizationRules.Section300Bases.Contains(listing.Basis)
            && listing.Covers(category, context.RuleSet)
            && (listing.IsListedOn(context.EvaluationDate)
                || (listing.Status == AuthorizationStatus.Listed && listing.ListedFrom <= context.RuleSet.GrandfatherDate)));

    /// <summary>Q9: whether 35.59 reaches a certificate used only to enter the pathway is a reading a person must make.</summary>
    private static IReadOnlyList<Finding> StaleBoardFindings(EvaluationContext context, BoardCertification board) =>
        board.Issued >= context.RecentSince
            ? []
            : [new Finding(ReasonCode.RecentnessCeReview, context.Book.Recentness.Citation,
                $"eligibility rests on a {board.Board} certificate issued {EvaluationContext.Day(board.Issued)}, more than 7 years before {EvaluationContext.Day(context.Record.EffectiveApplicationDate)}: QUALIFIED if 35.59 does not reach a certificate used only for eligibility, otherwise related CE and experience must be judged (Q9)",
                NeedsReview: true)];

    private static Outcome Met(string basis, IReadOnlyList<Finding> categoryFindings, bool alreadyAuthorized) =>
        new(new EligibilityResult(true, basis, []), categoryFindings, alreadyAuthorized);
}
