using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Matching;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Placements;

/// <summary>
/// The physician's places on the national waitlist (decision 0013): join by region and category, answer an offer, leave.
/// Every change is audited and e-mailed, and a waitlist round runs after it so that a free place is offered at once.
/// </summary>
[IdempotentForm("Join", "Accept")]
public sealed class WaitlistModel(AppDbContext db, Waitlist waitlist, IEmailSender email, TimeProvider clock, IdempotentForms forms) : PageModel
{
    // A date counts as past only once it is over in Hawaii, the westernmost US time zone, so nobody's today is refused.
    private static readonly TimeSpan WesternmostOffset = TimeSpan.FromHours(-10);

    [BindProperty]
    public WaitlistInput Input { get; set; } = new();

    public IReadOnlyList<EntryRow> Entries { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public TimeSpan AcceptanceWindow => waitlist.AcceptanceWindow;

    public DateOnly Earliest => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(WesternmostOffset).DateTime);

    public DateOnly Latest => Earliest.AddYears(2);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await MeAsync(ct) is not { } me)
        {
            return NotFound();
        }

        var needs = await db.ReadinessSummaries.Where(s => s.TraineeId == me.Id).Select(s => s.CasesStillNeeded).SingleOrDefaultAsync(ct) ?? [];
        Input.Region = UsRegion.Of(me.PracticeState);
        Input.Category = MatchingCategories.All.FirstOrDefault(c => RemainingCases.In(needs, c) > 0) ?? "G3";
        await LoadAsync(me.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostJoinAsync(CancellationToken ct)
    {
        if (await MeAsync(ct) is not { } me)
        {
            return NotFound();
        }

        var (region, category) = (Input.Region, Input.Category);
        if (region is null || !UsRegion.All.Contains(region))
        {
            ModelState.AddModelError("Input.Region", "Choose the region where you can train.");
        }

        if (!MatchingCategories.IsValid(category))
        {
            ModelState.AddModelError("Input.Category", "Choose the category you need cases in: G1, G2 or G3.");
        }
        else if (await db.WaitlistEntries.AnyAsync(e => e.TraineeId == me.Id && e.Category == category
            && (e.Status == WaitlistStatus.Waiting || e.Status == WaitlistStatus.Offered), ct))
        {
            ModelState.AddModelError("", $"You are already on the waitlist for {category}. Leave that place in line before joining again.");
        }
        else if (await db.Placements.Where(p => p.TraineeId == me.Id && p.Category == category && p.Status == PlacementStatus.Accepted)
            .Select(p => db.Centers.Where(c => c.Id == p.CenterId).Select(c => c.Name).First()).FirstOrDefaultAsync(ct) is { } placedAt)
        {
            ModelState.AddModelError("", $"You already have an accepted {category} placement at {placedAt}, so you do not need the waitlist for {category}.");
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(me.Id, ct);
        }

        var now = clock.GetUtcNow();
        var entry = new WaitlistEntry(Guid.CreateVersion7(now), me.Id, me.PracticeState, region!, category!, now);
        db.WaitlistEntries.Add(entry);
        db.Audit(User.GetUserId(), AuditAction.WaitlistJoined, "waitlist_entry", entry.Id, null, AuditSnapshots.Of(entry),
            $"Physician joined the {region} waitlist for {category}");
        var done = RedirectToPage();
        if (await SaveOnceAsync(done, $"You joined the {region} waitlist for {category}. We will e-mail you when a place is offered.",
            $"You are already on the waitlist for {category}.", me.Id, ct) is { } repeated)
        {
            return repeated;
        }

        await waitlist.NotifyAsync(entry, "You joined the waitlist",
            $"You are on the {region} waitlist for {category} cases. When a place opens at a center in the region, it is offered to the physicians in line in turn; you have {waitlist.AcceptanceWindow.TotalHours:0} hours to accept an offer.", ct);
        await waitlist.RunAfterSaveAsync(ct);
        if (entry.Status == WaitlistStatus.Offered)
        {
            TempData["Status"] = $"You joined the {region} waitlist for {category}, and a place is already offered to you: accept or decline it below.";
        }

        return done;
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
    {
        if (await MyEntryAsync(ct) is not { } entry)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow();
        if (entry.Status != WaitlistStatus.Offered || entry.OfferLapsed(now))
        {
            ModelState.AddModelError("", entry.Status == WaitlistStatus.Offered
                ? $"This offer lapsed at {entry.OfferExpiresAt:yyyy-MM-dd HH:mm} UTC and can no longer be accepted. The place goes to the next physician in line; you keep a place on the waitlist."
                : "There is no open offer to accept on this place in line.");
            return await ShowAsync(entry.TraineeId, ct);
        }

        if (Input.StartsOn is not { } startsOn)
        {
            ModelState.AddModelError("Input.StartsOn", "Choose the date you will start.");
        }
        else if (startsOn < Earliest)
        {
            ModelState.AddModelError("Input.StartsOn", "Choose today or a later start date.");
        }
        else if (startsOn > Latest)
        {
            ModelState.AddModelError("Input.StartsOn", $"Choose a start date within two years, no later than {Latest:d MMM yyyy}.");
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(entry.TraineeId, ct);
        }

        var centerId = entry.OfferedCenterId!.Value;
        var center = await db.Centers.Where(c => c.Id == centerId).Select(c => c.Name).SingleAsync(ct);
        var before = AuditSnapshots.Of(entry);
        var placement = entry.AcceptOffer(Guid.CreateVersion7(now), Input.StartsOn!.Value, now);
        db.Placements.Add(placement);
        db.Audit(User.GetUserId(), AuditAction.WaitlistOfferAccepted, "waitlist_entry", entry.Id, before, AuditSnapshots.Of(entry),
            $"Physician accepted the waitlist offer: placement {placement.Id} in {entry.Category}");
        var done = RedirectToPage("./Index");
        if (await SaveOnceAsync(done, $"You accepted the {entry.Category} place at {center}, starting {placement.StartsOn:d MMM yyyy}.",
            $"You already have an open placement request at {center}. Withdraw it on My placements, then accept this offer.", entry.TraineeId, ct) is { } repeated)
        {
            return repeated;
        }

        await waitlist.NotifyAsync(entry, "You accepted a training place",
            $"You accepted the {entry.Category} place at {center}, starting {placement.StartsOn:d MMM yyyy}. You have left the waitlist for {entry.Category}.", ct);
        await NotifyCoordinatorsAsync(centerId, center, entry, placement.StartsOn!.Value);
        return done;
    }

    public async Task<IActionResult> OnPostDeclineAsync(CancellationToken ct)
    {
        if (await MyEntryAsync(ct) is not { } entry)
        {
            return NotFound();
        }

        if (entry.Status != WaitlistStatus.Offered)
        {
            ModelState.AddModelError("", "There is no open offer to decline on this place in line.");
            return await ShowAsync(entry.TraineeId, ct);
        }

        var center = await db.Centers.Where(c => c.Id == entry.OfferedCenterId).Select(c => c.Name).SingleAsync(ct);
        var before = AuditSnapshots.Of(entry);
        entry.DeclineOffer(clock.GetUtcNow());
        return await SaveAsync(entry, before, AuditAction.WaitlistOfferDeclined, "Physician declined the waitlist offer",
            "You declined a training place",
            $"You declined the {entry.Category} place at {center}. You are back on the waitlist, at the end of the line, and {center} will not be offered to you again.",
            $"You declined the place at {center}. You are back at the end of the line for {entry.Category}.", ct);
    }

    public async Task<IActionResult> OnPostLeaveAsync(CancellationToken ct)
    {
        if (await MyEntryAsync(ct) is not { } entry)
        {
            return NotFound();
        }

        if (!entry.IsActive)
        {
            ModelState.AddModelError("", "You are no longer on this waitlist.");
            return await ShowAsync(entry.TraineeId, ct);
        }

        var before = AuditSnapshots.Of(entry);
        entry.Leave(clock.GetUtcNow());
        return await SaveAsync(entry, before, AuditAction.WaitlistLeft, "Physician left the waitlist",
            "You left the waitlist",
            $"You left the {entry.Region} waitlist for {entry.Category}. Any offer you held goes to the next physician in line.",
            $"You left the {entry.Region} waitlist for {entry.Category}.", ct);
    }

    /// <summary>
    /// Saves a join or an acceptance once for the form's key. Null when this post saved it; otherwise the answer: the first
    /// result for a repeat of the form (notified then), or the page with <paramref name="conflict"/> when the database refused.
    /// </summary>
    private async Task<IActionResult?> SaveOnceAsync(RedirectToPageResult done, string status, string conflict, Guid traineeId, CancellationToken ct)
    {
        try
        {
            var answer = await forms.SaveAsync(this, done, status, ct);
            return ReferenceEquals(answer, done) ? null : answer;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangedMeanwhile();
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            ModelState.AddModelError("", conflict);
            return await ShowAsync(traineeId, ct);
        }
    }

    /// <summary>Saves a decline or a leave with its audit entry, tells the physician, and offers the freed place.</summary>
    private async Task<IActionResult> SaveAsync(
        WaitlistEntry entry, object before, AuditAction action, string summary, string subject, string message, string status, CancellationToken ct)
    {
        db.Audit(User.GetUserId(), action, "waitlist_entry", entry.Id, before, AuditSnapshots.Of(entry), summary);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangedMeanwhile();
        }

        await waitlist.NotifyAsync(entry, subject, message, ct);
        await waitlist.RunAfterSaveAsync(ct);
        TempData["Status"] = status;
        return RedirectToPage();
    }

    /// <summary>A waitlist round changed the entry while the physician acted (an offer lapsed or was made): nothing was saved.</summary>
    private RedirectToPageResult ChangedMeanwhile()
    {
        TempData["Status"] = "Your place on the waitlist changed while you were answering (an offer was made or lapsed). Nothing was saved; here is where you stand now.";
        return RedirectToPage();
    }

    private async Task NotifyCoordinatorsAsync(Guid centerId, string center, WaitlistEntry entry, DateOnly startsOn)
    {
        var physician = await db.Trainees.Where(t => t.Id == entry.TraineeId).Join(db.Users, t => t.UserId, u => u.Id, (t, u) => u.FullName).SingleAsync();
        var coordinators = await db.CenterMemberships.Where(m => m.CenterId == centerId && m.Role == CenterRole.CenterCoordinator)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email).ToListAsync();
        var text = HtmlEncoder.Default.Encode(
            $"{physician} accepted the {entry.Category} place at {center} offered from the national waitlist, starting {startsOn:d MMM yyyy}. The placement is on your center's roster of accepted physicians.");
        foreach (var address in coordinators.OfType<string>())
        {
            await email.SendEmailAsync(address, $"A physician accepted a waitlist place at {center}", $"<p>{text}</p>");
        }
    }

    private Task<Me?> MeAsync(CancellationToken ct)
    {
        var userId = User.GetUserId();
        return db.Trainees.Where(t => t.UserId == userId).Select(t => new Me(t.Id, t.PracticeState)).SingleOrDefaultAsync(ct);
    }

    /// <summary>The entry the form names, only when it is the signed-in physician's.</summary>
    private async Task<WaitlistEntry?> MyEntryAsync(CancellationToken ct)
    {
        var traineeId = await db.TraineeIdOfAsync(User, ct);
        return await db.WaitlistEntries.SingleOrDefaultAsync(e => e.Id == Input.EntryId && e.TraineeId == traineeId, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid traineeId, CancellationToken ct)
    {
        await LoadAsync(traineeId, ct);
        return Page();
    }

    private async Task LoadAsync(Guid traineeId, CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Entries = await db.WaitlistEntries.AsNoTracking()
            .Where(e => e.TraineeId == traineeId)
            .OrderByDescending(e => e.JoinedAt)
            .Select(e => new EntryRow(
                e.Id, e.Region, e.Category, e.Status, e.JoinedAt, e.QueuedAt, e.EndedAt,
                db.Centers.Where(c => c.Id == e.OfferedCenterId).Select(c => c.Name).FirstOrDefault(), e.OfferExpiresAt, e.PassedCenterIds.Count,
                db.WaitlistEntries.Count(o => (o.Status == WaitlistStatus.Waiting || o.Status == WaitlistStatus.Offered)
                    && o.Region == e.Region && o.Category == e.Category
                    && (o.QueuedAt < e.QueuedAt || (o.QueuedAt == e.QueuedAt && o.Id.CompareTo(e.Id) < 0)))))
            .ToListAsync(ct);
    }

    private sealed record Me(Guid Id, string PracticeState);

    /// <summary>One place in line; <see cref="Ahead"/> counts the active entries before it in the fair order.</summary>
    public sealed record EntryRow(
        Guid Id, string Region, string Category, WaitlistStatus Status, DateTimeOffset JoinedAt, DateTimeOffset QueuedAt, DateTimeOffset? EndedAt,
        string? OfferedCenter, DateTimeOffset? OfferExpiresAt, int Passes, int Ahead)
    {
        public bool IsActive => Status is WaitlistStatus.Waiting or WaitlistStatus.Offered;
    }

    public sealed class WaitlistInput
    {
        public string? Region { get; set; }
        public string? Category { get; set; }
        public Guid EntryId { get; set; }
        public DateOnly? StartsOn { get; set; }
    }
}

/// <summary>How long an offer has left, in words: "in 2 days 5 hours".</summary>
public static class OfferDeadline
{
    public static string Until(TimeSpan left) => left switch
    {
        { Ticks: <= 0 } => "lapsed",
        { TotalDays: >= 1 } => $"in {Count(left.Days, "day")} {Count(left.Hours, "hour")}",
        { TotalHours: >= 1 } => $"in {Count(left.Hours, "hour")} {Count(left.Minutes, "minute")}",
        _ => $"in {Count(Math.Max(1, left.Minutes), "minute")}",
    };

    private static string Count(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
