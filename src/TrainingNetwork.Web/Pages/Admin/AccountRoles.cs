using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Admin;

/// <summary>
/// Role changes of an account, each written together with its audit entry: the entry is staged on the request's
/// <see cref="AppDbContext"/>, which is also the UserManager's store, so the save that writes the role writes the entry.
/// Staff and Admin are given only through <see cref="InviteModel"/>.
/// </summary>
public static class AccountRoles
{
    public const string SubjectType = "account";

    /// <summary>Roles an admin may grant from an account's page; the others come with an invitation.</summary>
    public static readonly IReadOnlyList<string> GrantedOnAccountPage = [Roles.Trainee, Roles.Preceptor, Roles.CenterCoordinator];

    public static readonly IReadOnlyList<string> ByInvitation = [Roles.Staff, Roles.Admin];

    // Any constant shared by every instance: serializes removals of the Admin role, so two admins removing each other
    // at the same moment cannot leave the network without one.
    private const long AdminRemovalLock = 0x54_4E_41_44_4D_49_4E;

    public static string InWords(string role) => role switch
    {
        Roles.Trainee => "Physician in training",
        Roles.Preceptor => "Preceptor",
        Roles.CenterCoordinator => "Center coordinator",
        Roles.Staff => "Network staff",
        Roles.Admin => "Administrator",
        _ => role,
    };

    public static async Task<List<string>> SortedAsync(this UserManager<ApplicationUser> users, ApplicationUser user) =>
        [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Adds <paramref name="role"/> and its audit entry in one save. <paramref name="before"/> is null for an account created
    /// by this invitation (it did not exist).
    /// </summary>
    public static Task<IdentityResult> GrantAsync(
        this UserManager<ApplicationUser> users, AppDbContext db, string actorUserId, ApplicationUser user, string role,
        IReadOnlyList<string>? before, AuditAction action, string summary)
    {
        string[] after = [.. (before ?? []).Append(role).Order(StringComparer.Ordinal)];
        db.Audit(actorUserId, action, SubjectType, user.Id, before, after, summary);
        return users.AddToRoleAsync(user, role);
    }

    public static Task<IdentityResult> RevokeAsync(
        this UserManager<ApplicationUser> users, AppDbContext db, string actorUserId, ApplicationUser user, string role,
        IReadOnlyList<string> before)
    {
        string[] after = [.. before.Where(r => r != role)];
        db.Audit(actorUserId, AuditAction.RoleRevoked, SubjectType, user.Id, before, after, $"{InWords(role)} role revoked from {user.FullName}");
        return users.RemoveFromRoleAsync(user, role);
    }

    /// <summary>Waits for any other removal of the Admin role to commit; call inside the transaction that removes one.</summary>
    public static Task LockAdminRemovalsAsync(this AppDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdminRemovalLock})", ct);
}
