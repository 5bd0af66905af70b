using TrainingNetwork.Domain.Readiness.Results;

namespace TrainingNetwork.Domain.Readiness.Evaluation;

/// <summary>A requirement judged twice for 35.59: once on all evidence, once on recent evidence only (each judged once, then reused).</summary>
internal sealed class EvidenceGroup(string label, Func<EvidenceWindow, IReadOnlyList<Finding>> judge, IEnumerable<DateOnly> dates)
{
    private IReadOnlyList<Finding>? _all;
    private IReadOnlyList<Finding>? _recentOnly;

    public string Label => label;

    public IEnumerable<DateOnly> Dates => dates;

    public IReadOnlyList<Finding> Judge(EvidenceWindow window) => window == EvidenceWindow.All
        ? _all ??= judge(EvidenceWindow.All)
        : _recentOnly ??= judge(EvidenceWindow.RecentOnly);
}

/// <summary>
/// 35.59 (au-rules.md §5.2): evidence older than 7 years before the application counts only with related continuing education and
/// experience since. A group is stale when dropping its old evidence makes it fail.
/// </summary>
internal static class RecentnessCheck
{
    public static IReadOnlyList<Finding> Judge(EvaluationContext context, IEnumerable<EvidenceGroup> groups)
    {
        // Only a group holding old evidence can be judged differently on recent evidence alone.
        var stale = groups
            .Select(group => (Group: group, Dates: group.Dates.Where(date => date <= context.EvaluationDate && date < context.RecentSince).Order().ToList()))
            .Where(candidate => candidate.Dates.Count > 0
                && candidate.Group.Judge(EvidenceWindow.RecentOnly).Severity() > candidate.Group.Judge(EvidenceWindow.All).Severity())
            .Select(candidate => (candidate.Group.Label, candidate.Dates))
            .ToList();
        if (stale.Count == 0)
        {
            return [];
        }

        var described = string.Join(", ", stale.Select(group => $"{group.Label} ({Span(group.Dates)})"));
        var application = EvaluationContext.Day(context.Record.EffectiveApplicationDate);
        var latestStale = stale.Max(group => group.Dates[^1]);
        var citation = context.Book.Recentness.Citation;
        if (context.LatestRelatedActivity <= latestStale)
        {
            return [new Finding(ReasonCode.Recentness, citation,
                $"{described} older than 7 years before {application}, with no related continuing education or experience recorded since")];
        }

        return [new Finding(ReasonCode.RecentnessCeReview, citation,
            $"{described} older than 7 years before {application}; related continuing education or experience is recorded since (latest {EvaluationContext.Day(context.LatestRelatedActivity)}). QUALIFIED if a reviewer accepts it as related CE and experience, NOT_QUALIFIED otherwise.",
            NeedsReview: true)];
    }

    private static string Span(List<DateOnly> dates) => dates[0] == dates[^1]
        ? EvaluationContext.Day(dates[0])
        : $"{EvaluationContext.Day(dates[0])} to {EvaluationContext.Day(dates[^1])}";
}
