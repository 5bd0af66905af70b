using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Admin;

/// <summary>
/// One account: its roles, its center memberships and the audited history of its roles. An admin grants or revokes one
/// role at a time; network staff and admin roles are given only by invitation. The network always keeps an admin, and
/// no admin removes their own Admin role.
/// </summary>
public sealed class AccountModel(AppDbContext db, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    private const int HistoryShown = 20;

    public AccountView Account { get; private set; } = null!;
    public IReadOnlyList<string> HeldRoles { get; private set; } = [];
    public IReadOnlyList<string> Memberships { get; private set; } = [];
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];
    public bool IsOwnAccount { get; private set; }
    public int AdminCount { get; private set; }

    /// <summary>Only a physician who registered has the profile the physician pages need.</summary>
    public bool HasTraineeProfile { get; private set; }

    /// <summary>Why the Admin role of this account cannot be revoked, or null when it can.</summary>
    public string? AdminRoleKept =>
        IsOwnAccount ? "You cannot remove your own Admin role; another admin can."
        : AdminCount <= 1 ? "This is the network's only admin: invite another admin first."
        : null;

    public string? ProblemWith(string field) => ModelState[field]?.Errors.FirstOrDefault()?.ErrorMessage;

    public async Task<IActionResult> OnGetAsync(string userId, CancellationToken ct) =>
        await users.FindByIdAsync(userId) is { } user ? await ShowAsync(user, ct) : NotFound();

    public async Task<IActionResult> OnPostGrantAsync(string userId, string? role, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return NotFound();
        }

        var before = await users.SortedAsync(user);
        if (AccountRoles.ByInvitation.Contains(role))
        {
            ModelState.AddModelError("role", "Network staff and admin roles are given by invitation only: use \"Invite staff or an admin\".");
        }
        else if (role is null || !AccountRoles.GrantedOnAccountPage.Contains(role))
        {
            ModelState.AddModelError("role", "Choose a role from the list.");
        }
        else if (before.Contains(role))
        {
            ModelState.AddModelError("role", $"{user.FullName} already has the {AccountRoles.InWords(role)} role.");
        }
        else if (role == Roles.Trainee && !await db.Trainees.AnyAsync(t => t.UserId == user.Id, ct))
        {
            ModelState.AddModelError("role", "Physicians register themselves: only an account that registered as a physician can be one in training.");
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(user, ct);
        }

        var result = await users.GrantAsync(db, User.GetUserId(), user, role!, before, AuditAction.RoleGranted,
            $"{AccountRoles.InWords(role!)} role granted to {user.FullName}");
        return await DoneAsync(user, result, $"{user.FullName} now has the {AccountRoles.InWords(role!)} role.", ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(string userId, string? role, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (role == Roles.Admin)
        {
            await db.LockAdminRemovalsAsync(ct);
            await ReadAdminRuleAsync(user);
        }

        var before = await users.SortedAsync(user);
        if (role is null || !before.Contains(role))
        {
            ModelState.AddModelError("role", "This account does not have that role.");
        }
        else if (role == Roles.Admin && AdminRoleKept is { } reason)
        {
            ModelState.AddModelError("role", reason);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(user, ct);
        }

        var result = await users.RevokeAsync(db, User.GetUserId(), user, role!, before);
        if (result.Succeeded)
        {
            await transaction.CommitAsync(ct);
        }

        return await DoneAsync(user, result, $"{user.FullName} no longer has the {AccountRoles.InWords(role!)} role.", ct);
    }

    private async Task<IActionResult> DoneAsync(ApplicationUser user, IdentityResult result, string status, CancellationToken ct)
    {
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("role", error.Description);
            }

            db.ChangeTracker.Clear();
            return await ShowAsync(user, ct);
        }

        TempData["Status"] = status;
        return RedirectToPage(new { userId = user.Id });
    }

    private async Task ReadAdminRuleAsync(ApplicationUser user)
    {
        IsOwnAccount = user.Id == User.GetUserId();
        AdminCount = (await users.GetUsersInRoleAsync(Roles.Admin)).Count;
    }

    private async Task<IActionResult> ShowAsync(ApplicationUser user, CancellationToken ct)
    {
        await ReadAdminRuleAsync(user);
        HeldRoles = await users.SortedAsync(user);
        HasTraineeProfile = await db.Trainees.AnyAsync(t => t.UserId == user.Id, ct);
        Account = new AccountView(
            user.Id, user.FullName, user.Email ?? "", user.EmailConfirmed, user.PasswordHash is null,
            user.LockoutEnd > clock.GetUtcNow() ? user.LockoutEnd : null);
        Memberships = await db.CenterMemberships.Where(m => m.UserId == user.Id)
            .Join(db.Centers, m => m.CenterId, c => c.Id, (m, c) => new { c.Name, m.Role })
            .OrderBy(x => x.Name)
            .Select(x => (x.Role == CenterRole.CenterCoordinator ? "Coordinator of " : "Preceptor at ") + x.Name)
            .ToListAsync(ct);
        History = await (
                from entry in db.AuditEntries.Where(a => a.SubjectType == AccountRoles.SubjectType && a.SubjectId == user.Id)
                join u in db.Users on entry.ActorUserId equals u.Id into actors
                from actor in actors.DefaultIfEmpty()
                orderby entry.Sequence descending
                select new HistoryRow(entry.Sequence, entry.At, entry.Action, entry.Summary, actor.FullName))
            .Take(HistoryShown)
            .ToListAsync(ct);
        return Page();
    }

    public sealed record AccountView(string Id, string FullName, string Email, bool EmailConfirmed, bool InvitationPending, DateTimeOffset? LockedOutUntil);

    public sealed record HistoryRow(long Sequence, DateTimeOffset At, AuditAction Action, string Summary, string? ActorName);
}
