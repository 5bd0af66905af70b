using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Training;

/// <summary>Removes one of the signed-in physician's work-experience entries (POST from the Training list).</summary>
public sealed class DeleteWorkExperienceModel(AppDbContext db) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("./Index");

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var traineeId = await db.TraineeIdOfAsync(User, ct);
        var entry = await db.WorkExperience.SingleOrDefaultAsync(w => w.Id == id && w.TraineeId == traineeId, ct);
        if (entry is null)
        {
            return NotFound();
        }

        db.WorkExperience.Remove(entry);
        await db.SaveChangesAsync(ct);

        TempData["Status"] = $"Removed the work experience completed on {entry.CompletedOn:yyyy-MM-dd}.";
        return RedirectToPage("./Index");
    }
}
