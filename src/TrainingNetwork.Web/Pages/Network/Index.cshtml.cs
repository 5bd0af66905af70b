using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Network;

/// <summary>The network staff's dashboard: where physicians stand, which centers have room, how cases flow.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DashboardQuery Query { get; set; } = new();

    public DashboardFilters Filters { get; private set; } = null!;
    public PhysicianFigures Physicians { get; private set; } = null!;
    public TimeToReady Ready { get; private set; } = null!;

    /// <summary>The calendar month utilization is measured over: the last full one.</summary>
    public DateOnly UtilizationMonth { get; private set; }

    public IReadOnlyList<CenterUse> Utilization { get; private set; } = [];

    /// <summary>The first days of the twelve months of case figures, oldest first.</summary>
    public IReadOnlyList<DateOnly> Months { get; private set; } = [];

    public IReadOnlyList<AgentMonth> CaseMonths { get; private set; } = [];
    public IReadOnlyList<KeyCount> Waitlists { get; private set; } = [];

    public int PhysicianCount => Physicians.Stages.Sum(s => s.Physicians);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var dashboard = new NetworkDashboard(db);
        Filters = await dashboard.FiltersAsync(Query, ct);
        var filter = Filters.Applied;
        var today = clock.Today();
        var (from, before) = NetworkDashboard.LastFullMonth(today);
        var firstMonth = NetworkDashboard.TwelveMonthsFrom(today);

        Physicians = await dashboard.PhysiciansAsync(filter, ct);
        Ready = await dashboard.TimeToReadyAsync(filter, ct);
        UtilizationMonth = from;
        Utilization = await dashboard.UtilizationAsync(filter, from, before, ct);
        Months = [.. Enumerable.Range(0, 12).Select(firstMonth.AddMonths)];
        CaseMonths = await dashboard.CasesPerAgentMonthAsync(filter, firstMonth, ct);
        Waitlists = await dashboard.WaitlistsAsync(filter, ct);
    }

    public static string MonthName(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public BarChart StageChart => new("stages", "Physicians by stage", "Stage", "Physicians",
        [.. Physicians.Stages.Select(s => new ChartBar(s.Stage?.ToString() ?? "none", NetworkDashboard.StageName(s.Stage), s.Physicians))],
        "No physicians match the filter.");

    public BarChart StateChart => new("states", "Physicians by practice state", "State", "Physicians",
        Largest(Physicians.States.Select(s => new ChartBar(s.Key, s.Key, s.Count))),
        "No physicians match the filter.");

    public BarChart CenterChart => new("centers", "Physicians placed at each center", "Center", "Physicians",
        Largest(Physicians.Centers.Select(c => new ChartBar(c.Key, Filters.CenterName(Guid.Parse(c.Key)), c.Count))),
        "No physician matching the filter has an accepted or completed placement.");

    /// <summary>One chart per category, busiest centers first.</summary>
    public IReadOnlyList<(string Category, BarChart Chart)> UtilizationCharts =>
        [.. Utilization.GroupBy(u => u.Category).OrderBy(g => g.Key, StringComparer.Ordinal).Select((category, i) => (category.Key, new BarChart(
            $"utilization-{i + 1}", $"{category.Key}: cases logged in {MonthName(UtilizationMonth)} against monthly capacity",
            "Center", "Cases",
            [.. category
                .Select(u => new ChartBar($"{u.CenterId}:{u.Category}", Filters.CenterName(u.CenterId), u.Cases, u.Capacity))
                .OrderByDescending(b => b.Target > 0 ? (double)b.Value / b.Target.Value : b.Value > 0 ? double.MaxValue : 0)
                .ThenBy(b => b.Label, StringComparer.Ordinal)],
            "")
        {
            TargetHeader = "Capacity",
            ShareHeader = "% used",
        }))];

    public BarChart MonthChart => new("months", "Supervised cases per month, approved of logged", "Month", "Approved",
        [.. Months.Select(month =>
        {
            var cases = CaseMonths.Where(c => c.FirstDay == month).ToList();
            return new ChartBar(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), MonthName(month), cases.Sum(c => c.Approved), cases.Sum(c => c.Logged));
        })],
        "No cases were logged.")
    {
        TargetHeader = "Logged",
    };

    public BarChart WaitlistChart => new("waitlists", "Waitlisted placements by center", "Center", "Waitlisted",
        Largest(Waitlists.Select(w => new ChartBar(w.Key, Filters.CenterName(Guid.Parse(w.Key)), w.Count))),
        "No placement requests are waitlisted.");

    /// <summary>Agents with cases in the twelve months, most logged first.</summary>
    public IReadOnlyList<string> Agents =>
        [.. CaseMonths.GroupBy(c => c.Agent).OrderByDescending(g => g.Sum(c => c.Logged)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key)];

    public AgentMonth? CasesOf(string agent, DateOnly month) => CaseMonths.FirstOrDefault(c => c.Agent == agent && c.FirstDay == month);

    private static List<ChartBar> Largest(IEnumerable<ChartBar> bars) =>
        [.. bars.OrderByDescending(b => b.Value).ThenBy(b => b.Label, StringComparer.Ordinal)];
}
