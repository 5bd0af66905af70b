using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Pages.Admin;

namespace TrainingNetwork.Web.Security;

/// <summary>
/// Ending sessions and disabling accounts. Each change deletes the session rows it ends (so the next request of those
/// browsers is signed out at once), updates what it must on the account and writes its audit entry, all in one save:
/// the UserManager's store is the request's <see cref="AppDbContext"/>.
/// </summary>
public static class AccountAccess
{
    /// <summary>Identity's lockout with no end: the account cannot sign in until an admin enables it again.</summary>
    public static bool IsDisabled(this ApplicationUser user) => user.LockoutEnd == DateTimeOffset.MaxValue;

    /// <summary>The sessions of <paramref name="userId"/> that have not ended yet, as far as the database can tell.</summary>
    public static IQueryable<SignInSession> LiveSessions(this AppDbContext db, string userId, TimeSpan idle, DateTimeOffset now) =>
        db.SignInSessions.Where(s => s.UserId == userId && s.ExpiresAt > now && s.LastSeenAt > now - idle);

    public static async Task<IdentityResult> DisableAsync(
        this UserManager<ApplicationUser> users, AppDbContext db, string actorUserId, ApplicationUser user, CancellationToken ct)
    {
        var ended = await EndSessionsAsync(db, user.Id, keep: null, ct);
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        db.Audit(actorUserId, AuditAction.AccountDisabled, AccountRoles.SubjectType, user.Id, Snapshot(disabled: false), Snapshot(disabled: true),
            $"Account of {user.FullName} disabled; {Sessions(ended)} ended");
        return await users.UpdateSecurityStampAsync(user);
    }

    public static Task<IdentityResult> EnableAsync(this UserManager<ApplicationUser> users, AppDbContext db, string actorUserId, ApplicationUser user)
    {
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        db.Audit(actorUserId, AuditAction.AccountEnabled, AccountRoles.SubjectType, user.Id, Snapshot(disabled: true), Snapshot(disabled: false),
            $"Account of {user.FullName} enabled again");
        return users.UpdateAsync(user);
    }

    /// <summary>Ends every session of the account and changes its security stamp, which also voids anything issued against the old one.</summary>
    public static async Task<IdentityResult> SignOutEverywhereAsync(this UserManager<ApplicationUser> users, AppDbContext db, ApplicationUser user, CancellationToken ct)
    {
        var ended = await EndSessionsAsync(db, user.Id, keep: null, ct);
        db.Audit(user.Id, AuditAction.SessionsRevoked, AccountRoles.SubjectType, user.Id, null, null, $"{user.FullName} signed out everywhere; {Sessions(ended)} ended");
        return await users.UpdateSecurityStampAsync(user);
    }

    public static async Task<int> SignOutOtherSessionsAsync(this AppDbContext db, ApplicationUser user, Guid current, CancellationToken ct)
    {
        var ended = await EndSessionsAsync(db, user.Id, keep: current, ct);
        db.Audit(user.Id, AuditAction.SessionsRevoked, AccountRoles.SubjectType, user.Id, null, null, $"{user.FullName} signed out {Sessions(ended)} on other browsers");
        await db.SaveChangesAsync(ct);
        return ended;
    }

    private static async Task<int> EndSessionsAsync(AppDbContext db, string userId, Guid? keep, CancellationToken ct)
    {
        var sessions = await db.SignInSessions.Where(s => s.UserId == userId && s.Id != keep).ToListAsync(ct);
        db.SignInSessions.RemoveRange(sessions);
        return sessions.Count;
    }

    private static object Snapshot(bool disabled) => new { Disabled = disabled };

    private static string Sessions(int count) => count == 1 ? "1 session" : $"{count} sessions";
}
