using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Domain.Readiness.Rules;

namespace TrainingNetwork.Domain.Readiness.Evaluation;

/// <summary>Which dated evidence a requirement may use: everything up to the evaluation date, or only what 35.59 still counts as recent.</summary>
internal enum EvidenceWindow
{
    All,
    RecentOnly,
}

/// <summary>The record, the rule book chosen for it and the lookups every check needs.</summary>
internal sealed class EvaluationContext
{
    private readonly Dictionary<string, Preceptor> _preceptors = new(StringComparer.Ordinal);
    private IReadOnlyList<SupervisedWork>? _supervisedWork;

    public EvaluationContext(TraineeRecord record, RuleBook book)
    {
        Record = record;
        Book = book;
        RecentSince = record.EffectiveApplicationDate.AddYears(-(int)book.Recentness.Minimum);
        foreach (var preceptor in record.Preceptors)
        {
            _preceptors.TryAdd(preceptor.Id, preceptor);
        }

        SupervisorSections = Sections(book.SupervisorBases);
        AttestorSections = Sections(book.AttestorBases);
        WorkCategoriesLabel = book.WorkSupervisorNeedsGrantedCategory
            ? string.Join(" or ", book.CaseMinimums.Keys.Select(CategoryLabels.Of))
            : "any 35.300 category";
        LatestRelatedActivity = record.ContinuingEducation.Select(entry => entry.Date)
            .Concat(record.Cases.Select(entry => entry.Date))
            .Concat(record.WorkExperience.Select(entry => entry.Completed))
            .Where(date => date <= record.EvaluationDate)
            .DefaultIfEmpty(DateOnly.MinValue)
            .Max();
    }

    public TraineeRecord Record { get; }
    public RuleBook Book { get; }
    public RuleSetDefinition RuleSet => Book.RuleSet;
    public DateOnly EvaluationDate => Record.EvaluationDate;

    /// <summary>35.59: evidence dated on or after this day lies within the 7 years before the application.</summary>
    public DateOnly RecentSince { get; }

    /// <summary>The last continuing-education, case or work-experience date up to the evaluation date (related CE and experience, 35.59).</summary>
    public DateOnly LatestRelatedActivity { get; }

    /// <summary>"35.57/35.390/35.396": who may supervise, for messages.</summary>
    public string SupervisorSections { get; }

    public string AttestorSections { get; }

    /// <summary>The categories a work-experience supervisor must hold, for messages.</summary>
    public string WorkCategoriesLabel { get; }

    /// <summary>Each work-experience entry with the problem of its supervisor, if any (judged once per evaluation).</summary>
    public IReadOnlyList<SupervisedWork> SupervisedWork => _supervisedWork ??=
        [.. Record.WorkExperience.Select(entry => new SupervisedWork(entry, TrainingChecks.SupervisionProblem(this, entry)))];

    public string PathwayName => RecordCodes.Pathways.ToCode(Record.Pathway);

    public Preceptor? FindPreceptor(string id) => _preceptors.GetValueOrDefault(id);

    public bool IsTrainee(string personId) => string.Equals(personId, Record.Trainee.Id, StringComparison.Ordinal);

    public bool Admits(DateOnly date, EvidenceWindow window) =>
        date <= EvaluationDate && (window == EvidenceWindow.All || date >= RecentSince);

    public string CaseCitation(UseCategory category) =>
        Book.CaseMinimums.TryGetValue(category, out var requirement) ? requirement.Citation : Book.CasesCitation;

    private static string Sections(IEnumerable<AuthorizationBasis> bases) =>
        string.Join("/", bases.Select(RecordCodes.Bases.ToCode));

    public static string Hours(decimal value) => value.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture);

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed record SupervisedWork(WorkExperienceEntry Entry, Finding? Problem);

internal static class Findings
{
    public static int Severity(this IEnumerable<Finding> findings) =>
        findings.Select(finding => finding.NeedsReview ? 1 : 2).DefaultIfEmpty(0).Max();

    public static bool HasBlocking(this IEnumerable<Finding> findings) => findings.Any(finding => !finding.NeedsReview);

    public static ReadinessStatus ToStatus(this IReadOnlyCollection<Finding> findings) => findings.Severity() switch
    {
        0 => ReadinessStatus.Qualified,
        1 => ReadinessStatus.NeedsReview,
        _ => ReadinessStatus.NotQualified,
    };
}
