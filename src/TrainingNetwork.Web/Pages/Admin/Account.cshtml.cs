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
/// One account: whether it may sign in, its roles, its center memberships and their audited history. An admin grants or
/// revokes one role at a time; network staff and admin roles are given only by invitation. An admin may disable an
/// account, which signs it out everywhere at once, and enable it again. The network always keeps an active admin, and no
/// admin removes their own Admin role or disables their own account.
/// </summary>
[RequireRecentSignIn(nameof(OnPostGrantAsync), nameof(OnPostRevokeAsync), nameof(OnPostDisableAsync), nameof(OnPostEnableAsync))]
public sealed class AccountModel(AppDbContext db, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    private const int HistoryShown = 20;
    private const string OnlyAdmin = "This is the network's only admin: invite another admin first.";

    public AccountView Account { get; private set; } = null!;
    public IReadOnlyList<string> HeldRoles { get; private set; } = [];
    public IReadOnlyList<string> Memberships { get; private set; } = [];
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];
    public bool IsOwnAccount { get; private set; }

    /// <summary>Admins other than this account who can still sign in.</summary>
    public int OtherActiveAdminCount { get; private set; }

    public int LiveSessionCount { get; private set; }

    /// <summary>Only a physician who registered has the profile the physician pages need.</summary>
    public bool HasTraineeProfile { get; private set; }

    /// <summary>Why the Admin role of this account cannot be revoked, or null when it can.</summary>
    public string? AdminRoleKept =>
        IsOwnAccount ? "You cannot remove your own Admin role; another admin can."
        : OtherActiveAdminCount == 0 ? OnlyAdmin
        : null;

    /// <summary>Why this account cannot be disabled, or null when it can.</summary>
    public string? DisableKept =>
        IsOwnAccount ? "You cannot disable your own account; another admin can."
        : HeldRoles.Contains(Roles.Admin) && OtherActiveAdminCount == 0 ? OnlyAdmin
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
            await ReadAdminRuleAsync(user, ct);
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

    public async Task<IActionResult> OnPostDisableAsync(string userId, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockAdminRemovalsAsync(ct);
        await ReadAdminRuleAsync(user, ct);
        HeldRoles = await users.SortedAsync(user);
        if (user.IsDisabled())
        {
            ModelState.AddModelError("access", $"The account of {user.FullName} is already disabled.");
        }
        else if (DisableKept is { } reason)
        {
            ModelState.AddModelError("access", reason);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(user, ct);
        }

        var result = await users.DisableAsync(db, User.GetUserId(), user, ct);
        if (result.Succeeded)
        {
            await transaction.CommitAsync(ct);
        }

        return await DoneAsync(user, result, $"The account of {user.FullName} is disabled and signed out everywhere.", ct, "access");
    }

    public async Task<IActionResult> OnPostEnableAsync(string userId, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return NotFound();
        }

        if (!user.IsDisabled())
        {
            ModelState.AddModelError("access", $"The account of {user.FullName} is not disabled.");
            return await ShowAsync(user, ct);
        }

        var result = await users.EnableAsync(db, User.GetUserId(), user);
        return await DoneAsync(user, result, $"{user.FullName} can sign in again.", ct, "access");
    }

    private async Task<IActionResult> DoneAsync(ApplicationUser user, IdentityResult result, string status, CancellationToken ct, string field = "role")
    {
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(field, error.Description);
            }

            db.ChangeTracker.Clear();
            return await ShowAsync(user, ct);
        }

        TempData["Status"] = status;
        return RedirectToPage(new { userId = user.Id });
    }

    private async Task ReadAdminRuleAsync(ApplicationUser user, CancellationToken ct)
    {
        IsOwnAccount = user.Id == User.GetUserId();
        // Read from the database, not the tracked accounts: another admin may have just been disabled.
        OtherActiveAdminCount = await (
                from account in db.Users.AsNoTracking()
                join held in db.UserRoles on account.Id equals held.UserId
                join role in db.Roles on held.RoleId equals role.Id
                where role.Name == Roles.Admin && account.Id != user.Id && account.LockoutEnd != DateTimeOffset.MaxValue
                select account.Id)
            .CountAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(ApplicationUser user, CancellationToken ct)
    {
        await ReadAdminRuleAsync(user, ct);
        HeldRoles = await users.SortedAsync(user);
        HasTraineeProfile = await db.Trainees.AnyAsync(t => t.UserId == user.Id, ct);
        var now = clock.GetUtcNow();
        Account = new AccountView(
            user.Id, user.FullName, user.Email ?? "", user.EmailConfirmed, user.PasswordHash is null, user.IsDisabled(),
            user.LockoutEnd > now && !user.IsDisabled() ? user.LockoutEnd : null);
        var idle = HeldRoles.Contains(Roles.Admin) ? SessionLimits.AdminIdle : SessionLimits.Idle;
        LiveSessionCount = await db.LiveSessions(user.Id, idle, now).CountAsync(ct);
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

    public sealed record AccountView(
        string Id, string FullName, string Email, bool EmailConfirmed, bool InvitationPending, bool Disabled, DateTimeOffset? LockedOutUntil);

    public sealed record HistoryRow(long Sequence, DateTimeOffset At, AuditAction Action, string Summary, string? ActorName);
}
