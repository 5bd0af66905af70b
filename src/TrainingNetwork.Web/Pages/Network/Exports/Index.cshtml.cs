using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Pages.Centers;
using TrainingNetwork.Web.Reports;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Network.Exports;

/// <summary>CSV exports of readiness, centers and case aggregates, narrowed by the dashboard's filters; each one audited.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public static readonly string[] ReadinessHeader =
        ["Physician", "Practice state", "Centers", "Stage", "Ready", "Ready since", "Category statuses", "Evaluated on"];

    public static readonly string[] CentersHeader =
        ["Center", "State", "Regulator", "License", "Therapies (cases a month)", "Trainee slots", "Current trainees", "Waitlisted"];

    public static readonly string[] CaseAggregatesHeader =
        ["Center", "Center state", "Radiopharmaceutical", "Category", "Month", "Cases logged", "Cases approved"];

    [BindProperty(SupportsGet = true)]
    public DashboardQuery Query { get; set; } = new();

    public DashboardFilters Filters { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Filters = await Dashboard.FiltersAsync(Query, ct);

    public async Task<IActionResult> OnPostReadinessAsync(CancellationToken ct)
    {
        var filter = (await Dashboard.FiltersAsync(Query, ct)).Applied;
        var rows = await Dashboard.ReadinessRowsAsync(filter, ct);
        return await DownloadAsync("readiness", filter, ReadinessHeader, [.. rows.Select(r => new[]
        {
            r.Name, r.State, r.Centers ?? "",
            NetworkDashboard.StageName(r.Stage is null ? null : Enum.Parse<TraineeStage>(r.Stage)),
            r.Ready switch { true => "yes", false => "no", null => "" },
            Date(r.ReadySince), r.CategoryStatuses ?? "", Date(r.EvaluatedOn),
        })], ct);
    }

    public async Task<IActionResult> OnPostCentersAsync(CancellationToken ct)
    {
        var filter = (await Dashboard.FiltersAsync(Query, ct)).Applied;
        var rows = await Dashboard.CenterRowsAsync(filter, ct);
        return await DownloadAsync("centers", filter, CentersHeader, [.. rows.Select(c => new[]
        {
            c.Name, c.State, CenterPlaces.RegulatorName(c.Regulator), c.LicenseNumber,
            string.Join("; ", c.Therapies.Select(t => $"{t.Agent}: {t.MonthlyCaseCapacity}")),
            c.TraineeSlots.ToString(CultureInfo.InvariantCulture),
            SmallCells.Show(c.CurrentTrainees), SmallCells.Show(c.Waitlisted),
        })], ct);
    }

    public async Task<IActionResult> OnPostCaseAggregatesAsync(CancellationToken ct)
    {
        var filters = await Dashboard.FiltersAsync(Query, ct);
        var rows = await Dashboard.CaseAggregatesAsync(filters.Applied, ct);
        var centers = filters.Centers.ToDictionary(c => c.Id);
        return await DownloadAsync("case-aggregates", filters.Applied, CaseAggregatesHeader, [.. rows
            .Select(r => (Row: r, Center: centers[r.CenterId]))
            .OrderBy(x => x.Center.Name, StringComparer.Ordinal).ThenBy(x => x.Row.Agent, StringComparer.Ordinal)
            .ThenBy(x => x.Row.Year).ThenBy(x => x.Row.Month)
            .Select(x => new[]
            {
                x.Center.Name, x.Center.State, x.Row.Agent, NetworkDashboard.CategoryOf(x.Row.Agent),
                new DateOnly(x.Row.Year, x.Row.Month, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture),
                SmallCells.Show(x.Row.Logged), SmallCells.Show(x.Row.Approved),
            })], ct);
    }

    private NetworkDashboard Dashboard => new(db);

    private async Task<FileContentResult> DownloadAsync(
        string name, DashboardFilter filter, IReadOnlyList<string> header, IReadOnlyList<string[]> rows, CancellationToken ct)
    {
        db.Audit(User.GetUserId(), AuditAction.DataExported, "export", name, null, new { filters = filter.Snapshot, rows = rows.Count },
            $"Exported {name} as CSV ({rows.Count} rows)");
        await db.SaveChangesAsync(ct);
        return CsvDownload.File($"{name}-{clock.Today():yyyy-MM-dd}.csv", header, rows);
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
