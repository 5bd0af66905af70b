using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Placements;

/// <summary>"Where can I finish?": the signed-in physician's centers, ranked by how soon they could finish their remaining cases.</summary>
public sealed class FinishModel(AppDbContext db) : PageModel
{
    public FinishRanking Ranking { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.TraineeIdOfAsync(User, ct) is not { } traineeId
            || await FinishRanking.LoadAsync(db, traineeId, forPhysician: true, ct) is not { } ranking)
        {
            return NotFound();
        }

        Ranking = ranking;
        return Page();
    }
}
