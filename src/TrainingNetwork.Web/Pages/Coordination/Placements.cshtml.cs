using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Coordination;

/// <summary>
/// The coordinator's placement queue: accept with a start date, waitlist, or decline with a reason; and the physicians
/// training now, whose placement the coordinator marks completed.
/// </summary>
public sealed class PlacementsModel(AppDbContext db, TimeProvider clock, Waitlist waitlist) : PageModel
{
    private static readonly PlacementStatus[] Open = [PlacementStatus.Requested, PlacementStatus.Waitlisted];
    private static readonly PlacementStatus[] Training = [PlacementStatus.Accepted];

    public IReadOnlyList<PlacementRow> Requests { get; private set; } = [];

    public IReadOnlyList<PlacementRow> Current { get; private set; } = [];

    /// <summary>The placement whose decision was refused, so its message and typed values show on its card.</summary>
    public Guid? RefusedPlacementId { get; private set; }

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) => DecideAsync(Open, placement =>
    {
        if (Input.StartsOn is not { } startsOn || startsOn < clock.Today())
        {
            return ("Input.StartsOn", "Choose a start date from today on.");
        }

        placement.Accept(startsOn);
        return null;
    }, new("Placement request accepted", "The request was accepted."), ct);

    public Task<IActionResult> OnPostWaitlistAsync(CancellationToken ct) => DecideAsync(Open, placement =>
    {
        if (placement.Status != PlacementStatus.Requested)
        {
            return ("", "This physician is already on the waiting list.");
        }

        placement.Waitlist();
        return null;
    }, new("Placement request put on the waiting list", "The request was put on the waiting list."), ct);

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken ct) => DecideAsync(Open, placement =>
    {
        var reason = Input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return ("Input.Reason", "Give the physician a reason for declining.");
        }

        if (TextInput.Problem(reason, 1000) is { } problem)
        {
            return ("Input.Reason", problem);
        }

        placement.Decline(reason);
        return null;
    }, new("Placement request declined", "The request was declined."), ct);

    public Task<IActionResult> OnPostCompleteAsync(CancellationToken ct) => DecideAsync(Training, placement =>
    {
        placement.Complete();
        return null;
    }, new("Placement completed", "The placement was marked completed."), ct);

    /// <summary>
    /// Loads the placement only if it belongs to one of this coordinator's centers and is still in one of the
    /// <paramref name="answerable"/> states, applies the decision, saves; a freed place goes to the waitlist at once.
    /// </summary>
    private async Task<IActionResult> DecideAsync(
        PlacementStatus[] answerable, Func<Placement, (string Field, string Message)?> decide, Outcome outcome, CancellationToken ct)
    {
        var placement = await db.Placements.Where(p => p.Id == Input.PlacementId && MyCenterIds().Contains(p.CenterId)).SingleOrDefaultAsync(ct);
        if (placement is null)
        {
            return NotFound();
        }

        if (!answerable.Contains(placement.Status))
        {
            TempData["Status"] = placement.Status == PlacementStatus.Completed ? "This placement was already completed." : "This request was already answered.";
            return RedirectToPage();
        }

        var before = AuditSnapshots.Of(placement);
        if (decide(placement) is { } error)
        {
            ModelState.AddModelError(error.Field, error.Message);
            RefusedPlacementId = placement.Id;
            await LoadAsync(ct);
            return Page();
        }

        db.Audit(User.GetUserId(), AuditAction.PlacementDecided, "placement", placement.Id, before, AuditSnapshots.Of(placement),
            outcome.Summary);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            TempData["Status"] = "The physician already holds an open placement at this center.";
            return RedirectToPage();
        }

        // A completed placement frees a place; an accepted one ends the physician's waitlist entry in the category.
        var offered = (await waitlist.RunAfterSaveAsync(ct))?.Offered ?? 0;
        TempData["Status"] = outcome.Message + (offered > 0 ? $" {offered} place(s) were offered to physicians on the waitlist." : "");
        return RedirectToPage();
    }

    private IQueryable<Guid> MyCenterIds() => db.CoordinatedCenterIds(User);

    private async Task LoadAsync(CancellationToken ct)
    {
        var placements = await db.Placements
            .Where(p => MyCenterIds().Contains(p.CenterId)
                && (p.Status == PlacementStatus.Requested || p.Status == PlacementStatus.Waitlisted || p.Status == PlacementStatus.Accepted))
            .OrderBy(p => p.RequestedAt)
            .Join(db.Trainees, p => p.TraineeId, t => t.Id, (p, t) => new { p, t.UserId, t.Specialty, t.PracticeState })
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new PlacementRow(
                x.p.Id, u.FullName, x.Specialty, x.PracticeState, db.Centers.Where(c => c.Id == x.p.CenterId).Select(c => c.Name).First(),
                x.p.Category, x.p.Status, x.p.PreferredStart, x.p.StartsOn, x.p.RequestedAt))
            .ToListAsync(ct);
        Requests = [.. placements.Where(p => p.Status != PlacementStatus.Accepted)];
        Current = [.. placements.Where(p => p.Status == PlacementStatus.Accepted).OrderBy(p => p.StartsOn)];
    }

    /// <summary>What a decision is called in the audit trail and in the status message, and whether it frees a place.</summary>
    private sealed record Outcome(string Summary, string Message);

    public sealed record PlacementRow(
        Guid Id, string Physician, string Specialty, string PracticeState, string Center, string Category, PlacementStatus Status,
        DateOnly PreferredStart, DateOnly? StartsOn, DateTimeOffset RequestedAt);

    public sealed class DecisionInput
    {
        public Guid PlacementId { get; set; }

        [Display(Name = "Start date")]
        public DateOnly? StartsOn { get; set; }

        [Display(Name = "Reason for declining")]
        public string? Reason { get; set; }
    }
}
