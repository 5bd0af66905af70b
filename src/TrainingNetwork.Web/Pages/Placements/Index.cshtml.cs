using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Placements;

/// <summary>The physician's placement requests and where each stands; pending ones can be withdrawn.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<PlacementSummary> Placements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.TraineeIdOfAsync(User, ct) is not { } traineeId)
        {
            return NotFound();
        }

        await LoadAsync(traineeId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
    {
        var traineeId = await db.TraineeIdOfAsync(User, ct);
        var placement = await db.Placements.SingleOrDefaultAsync(p => p.Id == id && p.TraineeId == traineeId, ct);
        if (placement is null)
        {
            return NotFound();
        }

        if (!Placement.CanWithdraw(placement.Status))
        {
            ModelState.AddModelError("", $"This placement is {placement.Status} and can no longer be withdrawn.");
            await LoadAsync(placement.TraineeId, ct);
            return Page();
        }

        placement.Withdraw();
        await db.SaveChangesAsync(ct);
        TempData["Status"] = "Your placement request was withdrawn.";
        return RedirectToPage();
    }

    private async Task LoadAsync(Guid traineeId, CancellationToken ct) =>
        Placements = await db.Placements.Where(p => p.TraineeId == traineeId).Summaries(db).ToListAsync(ct);
}
