using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Matching;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Network;

/// <summary>The national waitlist as staff explain it: every line in its fair order, and a round run on demand.</summary>
public sealed class WaitlistModel(AppDbContext db, Waitlist waitlist, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public TimeSpan AcceptanceWindow => waitlist.AcceptanceWindow;

    public string? ProblemWith(string field) => ModelState[field]?.Errors.FirstOrDefault()?.ErrorMessage;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Region = string.IsNullOrWhiteSpace(Region) ? null : Region;
        Category = string.IsNullOrWhiteSpace(Category) ? null : Category;
        if (Region is not null && !UsRegion.All.Contains(Region))
        {
            ModelState.AddModelError("region", "Choose one of the regions in the list.");
        }

        if (Category is not null && !MatchingCategories.IsValid(Category))
        {
            ModelState.AddModelError("category", "Choose G1, G2 or G3.");
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        Now = clock.GetUtcNow();
        var entries = await db.WaitlistEntries.AsNoTracking()
            .Where(e => (e.Status == WaitlistStatus.Waiting || e.Status == WaitlistStatus.Offered)
                && (Region == null || e.Region == Region) && (Category == null || e.Category == Category))
            .ToListAsync(ct);
        var traineeIds = entries.Select(e => e.TraineeId).Distinct().ToList();
        var physicians = await db.Trainees.Where(t => traineeIds.Contains(t.Id))
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { t.Id, u.FullName }).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var centerIds = entries.Select(e => e.OfferedCenterId).OfType<Guid>().Distinct().ToList();
        var centers = await db.Centers.Where(c => centerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        var regionOrder = UsRegion.All.ToList();
        Lines = [.. entries
            .GroupBy(e => (e.Region, e.Category))
            .OrderBy(g => regionOrder.IndexOf(g.Key.Region)).ThenBy(g => g.Key.Category, StringComparer.Ordinal)
            .Select(g => new Line(g.Key.Region, g.Key.Category, [.. WaitlistEntry.InLine(g).Select((e, i) => new Place(
                i + 1, e.TraineeId, physicians[e.TraineeId], e.HomeState, e.QueuedAt, e.JoinedAt, e.PassedCenterIds.Count, e.Status,
                e.OfferedCenterId is { } id ? centers[id] : null, e.OfferExpiresAt))]))];
    }

    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        var round = await waitlist.RunAsync(ct);
        TempData["Status"] = $"Waitlist round run: {Offers(round.Lapsed)} lapsed, {Places(round.Offered)} offered.";
        return RedirectToPage(new { region = Region, category = Category });
    }

    private static string Offers(int n) => n == 1 ? "1 offer" : $"{n} offers";

    private static string Places(int n) => n == 1 ? "1 place" : $"{n} places";

    /// <summary>One region's line for one category, in the fair order.</summary>
    public sealed record Line(string Region, string Category, IReadOnlyList<Place> Places);

    public sealed record Place(
        int Position, Guid TraineeId, string Physician, string HomeState, DateTimeOffset InLineSince, DateTimeOffset JoinedAt, int Passes,
        WaitlistStatus Status, string? OfferedCenter, DateTimeOffset? OfferExpiresAt);
}
