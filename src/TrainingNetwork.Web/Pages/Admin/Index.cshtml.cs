using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Pages.Profile;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Admin;

/// <summary>Every account, searched by name or e-mail and filtered by role in the query, a page at a time.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    public const int MaxSearchLength = 100;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "role")]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];
    public int MatchingCount { get; private set; }
    public int PageCount => Math.Max(1, (MatchingCount + PageSize - 1) / PageSize);
    public bool IsFiltered => Search is not null || Role is not null;

    public string? ProblemWith(string field) => ModelState[field]?.Errors.FirstOrDefault()?.ErrorMessage;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A page number that is not a number shows the first page, like one beyond the last shows the last.
        ModelState.Remove("pageNumber");
        Search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();
        Role = string.IsNullOrWhiteSpace(Role) ? null : Role;
        ModelState.CheckText("q", Search, MaxSearchLength);
        if (Role is not null && !Roles.All.Contains(Role))
        {
            ModelState.AddModelError("role", "Choose a role from the list.");
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        var accounts = db.Users.AsQueryable();
        if (Search is not null)
        {
            var pattern = SearchPatterns.Containing(Search);
            accounts = accounts.Where(u => EF.Functions.ILike(u.FullName, pattern) || EF.Functions.ILike(u.Email!, pattern));
        }

        if (Role is not null)
        {
            accounts = accounts.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Role)));
        }

        MatchingCount = await accounts.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var now = clock.GetUtcNow();
        Accounts = await accounts.OrderBy(u => u.FullName).ThenBy(u => u.Email)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(u => new AccountRow(
                u.Id, u.FullName, u.Email!, u.LockoutEnd > now, u.PasswordHash == null,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToList()))
            .ToListAsync(ct);
    }

    public sealed record AccountRow(string Id, string FullName, string Email, bool LockedOut, bool InvitationPending, List<string> Roles);
}
