using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Documents;

/// <summary>An uploaded document, for its owner and network staff only; to anyone else it does not exist.</summary>
public sealed class ShowModel(AppDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var userId = User.GetUserId();
        var staff = User.IsInRole(Roles.Staff) || User.IsInRole(Roles.Admin);
        var document = await db.Documents.AsNoTracking()
            .Where(d => d.Id == id && (staff || d.OwnerUserId == userId))
            .Select(d => new { d.Content, d.ContentType, d.FileName })
            .SingleOrDefaultAsync(ct);
        if (document is null)
        {
            return NotFound();
        }

        // Always a download, never rendered in the portal's origin, and never re-typed by the browser.
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(document.Content, document.ContentType, document.FileName);
    }
}
