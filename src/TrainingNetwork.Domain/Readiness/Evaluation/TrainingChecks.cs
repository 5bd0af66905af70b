using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Domain.Readiness.Rules;

namespace TrainingNetwork.Domain.Readiness.Evaluation;

/// <summary>The requirements every category of a pathway shares: classroom hours and topics, total hours, work-experience elements.</summary>
internal static class TrainingChecks
{
    public static IReadOnlyList<Finding> Classroom(EvaluationContext context, EvidenceWindow window)
    {
        var findings = new List<Finding>();
        var entries = context.Record.ClassroomTraining.Where(entry => context.Admits(entry.Completed, window)).ToList();
        if (context.Book.ClassroomHours is { } required)
        {
            var hours = entries.Sum(entry => entry.Hours);
            if (hours < required.Minimum)
            {
                findings.Add(new Finding(ReasonCode.ClassroomHours, required.Citation,
                    $"{EvaluationContext.Hours(hours)} of {EvaluationContext.Hours(required.Minimum)} hours; no rounding"));
            }
        }

        foreach (var (topic, citation) in context.Book.TopicCitations.OrderBy(pair => pair.Key))
        {
            if (entries.Where(entry => entry.Topic == topic).Sum(entry => entry.Hours) <= 0)
            {
                findings.Add(new Finding(ReasonCode.TopicMissing, citation, $"no hours recorded for {PlainNames.Of(topic)}"));
            }
        }

        return findings;
    }

    public static IReadOnlyList<Finding> TotalHours(EvaluationContext context, EvidenceWindow window)
    {
        if (context.Book.TotalHours is not { } required)
        {
            return [];
        }

        var classroom = context.Record.ClassroomTraining.Where(entry => context.Admits(entry.Completed, window)).Sum(entry => entry.Hours);
        var supervised = context.SupervisedWork
            .Where(work => context.Admits(work.Entry.Completed, window) && work.Problem is null)
            .Sum(work => work.Entry.Hours ?? 0);
        var total = classroom + supervised;
        return total >= required.Minimum
            ? []
            : [new Finding(ReasonCode.TotalHours, required.Citation,
                $"{EvaluationContext.Hours(total)} of {EvaluationContext.Hours(required.Minimum)} hours (classroom {EvaluationContext.Hours(classroom)} + supervised work experience {EvaluationContext.Hours(supervised)})")];
    }

    public static IReadOnlyList<Finding> WorkElements(EvaluationContext context, EvidenceWindow window)
    {
        var findings = new List<Finding>();
        foreach (var (element, citation) in context.Book.WorkElementCitations.OrderBy(pair => pair.Key))
        {
            var entries = context.SupervisedWork
                .Where(work => work.Entry.Element == element && context.Admits(work.Entry.Completed, window))
                .ToList();
            if (entries.Count == 0)
            {
                findings.Add(new Finding(ReasonCode.WorkElementMissing, citation, $"nothing recorded for: {PlainNames.Of(element)}"));
                continue;
            }

            if (entries.TrueForAll(work => work.Problem is not null))
            {
                var first = entries.OrderBy(work => work.Entry.Completed).ThenBy(work => work.Entry.SupervisorId, StringComparer.Ordinal).First();
                findings.Add(new Finding(ReasonCode.WorkElementMissing, citation,
                    $"{PlainNames.Of(element)}: not documented under a qualified supervisor: {first.Problem!.Detail}"));
            }
        }

        return findings;
    }

    public static Finding? SupervisionProblem(EvaluationContext context, WorkExperienceEntry entry)
    {
        var book = context.Book;
        Func<Authorization, bool> covers = book.WorkSupervisorNeedsGrantedCategory
            ? listing => book.CaseMinimums.Keys.Any(category => listing.Covers(category, context.RuleSet))
            : _ => true;
        return SupervisionCheck.Check(context, entry.SupervisorId, covers, context.WorkCategoriesLabel, entry.Completed, entry.License).Problem;
    }
}
