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

/// <summary>The coordinator's placement queue: accept with a start date, waitlist, or decline with a reason.</summary>
public sealed class PlacementsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<OpenRequest> Requests { get; private set; } = [];

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) => DecideAsync(placement =>
    {
        if (Input.StartsOn is not { } startsOn || startsOn < clock.Today())
        {
            return ("Input.StartsOn", "Choose a start date from today on.");
        }

        placement.Accept(startsOn);
        return null;
    }, "accepted", ct);

    public Task<IActionResult> OnPostWaitlistAsync(CancellationToken ct) => DecideAsync(placement =>
    {
        if (placement.Status != PlacementStatus.Requested)
        {
            return ("", "This physician is already on the waiting list.");
        }

        placement.Waitlist();
        return null;
    }, "put on the waiting list", ct);

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken ct) => DecideAsync(placement =>
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
    }, "declined", ct);

    /// <summary>Loads the placement only if it belongs to one of this coordinator's centers, applies the decision, saves.</summary>
    private async Task<IActionResult> DecideAsync(Func<Placement, (string Field, string Message)?> decide, string outcome, CancellationToken ct)
    {
        var placement = await db.Placements.Where(p => p.Id == Input.PlacementId && MyCenterIds().Contains(p.CenterId)).SingleOrDefaultAsync(ct);
        if (placement is null)
        {
            return NotFound();
        }

        if (placement.Status is not (PlacementStatus.Requested or PlacementStatus.Waitlisted))
        {
            TempData["Status"] = "This request was already answered.";
            return RedirectToPage();
        }

        var before = AuditSnapshots.Of(placement);
        if (decide(placement) is { } error)
        {
            ModelState.AddModelError(error.Field, error.Message);
            await LoadAsync(ct);
            return Page();
        }

        db.Audit(User.GetUserId(), AuditAction.PlacementDecided, "placement", placement.Id, before, AuditSnapshots.Of(placement),
            $"Placement request {outcome}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            TempData["Status"] = "The physician already holds an open placement at this center.";
            return RedirectToPage();
        }

        TempData["Status"] = $"The request was {outcome}.";
        return RedirectToPage();
    }

    private IQueryable<Guid> MyCenterIds() => db.CoordinatedCenterIds(User);

    private async Task LoadAsync(CancellationToken ct) =>
        Requests = await db.Placements
            .Where(p => MyCenterIds().Contains(p.CenterId) && (p.Status == PlacementStatus.Requested || p.Status == PlacementStatus.Waitlisted))
            .OrderBy(p => p.RequestedAt)
            .Join(db.Trainees, p => p.TraineeId, t => t.Id, (p, t) => new { p, t.UserId, t.Specialty, t.PracticeState })
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new OpenRequest(
                x.p.Id, u.FullName, x.Specialty, x.PracticeState, db.Centers.Where(c => c.Id == x.p.CenterId).Select(c => c.Name).First(),
                x.p.Status, x.p.PreferredStart, x.p.RequestedAt))
            .ToListAsync(ct);


    public sealed record OpenRequest(
        Guid Id, string Physician, string Specialty, string PracticeState, string Center, PlacementStatus Status,
        DateOnly PreferredStart, DateTimeOffset RequestedAt);

    public sealed class DecisionInput
    {
        public Guid PlacementId { get; set; }

        [Display(Name = "Start date")]
        public DateOnly? StartsOn { get; set; }

        [Display(Name = "Reason for declining")]
        public string? Reason { get; set; }
    }
}
