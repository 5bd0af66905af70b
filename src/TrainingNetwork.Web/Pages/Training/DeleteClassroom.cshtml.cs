using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Training;

/// <summary>Removes one of the signed-in physician's classroom entries (POST from the Training list).</summary>
public sealed class DeleteClassroomModel(AppDbContext db) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("./Index");

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var userId = User.GetUserId();
        var profile = await db.Trainees.Include(t => t.Classroom).SingleOrDefaultAsync(t => t.UserId == userId, ct);
        if (profile is null || profile.Classroom.All(c => c.Id != id))
        {
            return NotFound();
        }

        var entry = profile.RemoveClassroom(id);

        // The entry's relationship is mapped without cascading, so EF does not delete the orphan by itself.
        db.ClassroomEntries.Remove(entry);
        await db.SaveChangesAsync(ct);

        TempData["Status"] = $"Removed {entry.Hours:0.##} clock hours from {entry.Provider}, completed on {entry.CompletedOn:yyyy-MM-dd}.";
        return RedirectToPage("./Index");
    }
}
