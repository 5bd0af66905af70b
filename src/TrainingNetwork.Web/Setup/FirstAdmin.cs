using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Pages.Admin;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Setup;

/// <summary>
/// The one way to the first administrator outside Development: a command run on the server
/// (<c>dotnet TrainingNetwork.Web.dll create-first-admin &lt;e-mail&gt; "&lt;full name&gt;"</c>). It works only while no
/// administrator exists; the account has no password, and the command prints the path of a one-day link to set it.
/// Further staff and administrators are invited from /Admin/Invite.
/// </summary>
public static class FirstAdmin
{
    public const string Command = "create-first-admin";

    public sealed record Outcome(bool Created, string Message);

    public static async Task<Outcome> CreateAsync(IServiceProvider services, string email, string fullName, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (TextInput.Problem(fullName, 200) is { } nameProblem)
        {
            return new Outcome(false, $"Full name: {nameProblem}");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockAdminRemovalsAsync(ct);
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return new Outcome(false, "An administrator already exists. Invite further staff and administrators from /Admin/Invite.");
        }

        var admin = Invitations.NewAccount(email.Trim(), TextInput.Clean(fullName));
        var result = await users.CreateAsync(admin);
        if (result.Succeeded)
        {
            db.Audit(null, AuditAction.AccountInvited, AccountRoles.SubjectType, admin.Id, null, new[] { Roles.Admin },
                $"{admin.FullName} created as the first administrator from the server's command line");
            result = await users.AddToRoleAsync(admin, Roles.Admin);
        }

        if (!result.Succeeded)
        {
            return new Outcome(false, string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await transaction.CommitAsync(ct);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(admin)));
        return new Outcome(true,
            $"{admin.FullName} ({admin.Email}) is the first administrator. Within one day, open " +
            $"/Identity/Account/ResetPassword?code={code} on the portal to set the password, then sign in and enrol two-factor sign-in.");
    }
}
