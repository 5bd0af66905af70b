using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CeilingApp.Pages;

public sealed class IndexModel(CeilingDbContext db) : PageModel
{
    public IReadOnlyList<CenterRow> Centers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Centers = await db.Centers.AsNoTracking().OrderBy(c => c.Name).Take(20).ToListAsync(ct);
}
