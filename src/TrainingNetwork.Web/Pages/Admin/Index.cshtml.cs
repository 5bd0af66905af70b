using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Admin;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Users = await db.Users.OrderBy(u => u.Email)
            .Select(u => new UserRow(
                u.FullName, u.Email!, u.LockoutEnd != null && u.LockoutEnd > DateTimeOffset.UtcNow,
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToList()))
            .ToListAsync(ct);

    public sealed record UserRow(string FullName, string Email, bool LockedOut, List<string> Roles);
}
