using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Security;

/// <summary>
/// Identity's user store, except that the two-factor secrets in AspNetUserTokens are not kept in clear (ASVS 6.5.2):
/// the authenticator key is encrypted with Data Protection under a purpose of its own per user (a key copied to another
/// user's row does not decrypt), and recovery codes are kept as SHA-256 hashes, each removed when used.
/// </summary>
public sealed class ProtectedUserStore(AppDbContext db, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, IdentityRole, AppDbContext>(db, describer)
{
    /// <summary>The login provider and token names under which Identity's stores keep two-factor secrets.</summary>
    private const string IdentityProvider = "[AspNetUserStore]";
    private const string AuthenticatorKeyName = "AuthenticatorKey";
    private const string RecoveryCodesName = "RecoveryCodes";

    private const string Purpose = "TrainingNetwork.AuthenticatorKey";

    public override Task SetTokenAsync(ApplicationUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, IsAuthenticatorKey(loginProvider, name) && value is not null ? Protector(user).Protect(value) : value, cancellationToken);

    public override async Task<string?> GetTokenAsync(ApplicationUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var value = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return IsAuthenticatorKey(loginProvider, name) && value is not null ? Protector(user).Unprotect(value) : value;
    }

    public override Task ReplaceCodesAsync(ApplicationUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        SetRecoveryHashesAsync(user, recoveryCodes.Select(Hash), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(ApplicationUser user, string code, CancellationToken cancellationToken)
    {
        var hashes = await RecoveryHashesAsync(user, cancellationToken);
        var used = Hash(code);
        if (!hashes.Contains(used))
        {
            return false;
        }

        // Saved with the user's concurrency stamp (UserManager updates the user next), so two requests cannot both spend it.
        await SetRecoveryHashesAsync(user, hashes.Where(h => h != used), cancellationToken);
        return true;
    }

    private async Task<string[]> RecoveryHashesAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        (await base.GetTokenAsync(user, IdentityProvider, RecoveryCodesName, cancellationToken))?.Split(';', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private Task SetRecoveryHashesAsync(ApplicationUser user, IEnumerable<string> hashes, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, IdentityProvider, RecoveryCodesName, string.Join(';', hashes), cancellationToken);

    private static bool IsAuthenticatorKey(string loginProvider, string name) =>
        loginProvider == IdentityProvider && name == AuthenticatorKeyName;

    private IDataProtector Protector(ApplicationUser user) => protection.CreateProtector(Purpose, user.Id);

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
