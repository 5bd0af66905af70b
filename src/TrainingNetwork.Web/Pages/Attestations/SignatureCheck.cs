using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Attestations;

/// <summary>What a signer types to sign or withdraw: the password again, a fresh authenticator code, and their time zone.</summary>
public class SignatureInput
{
    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    [StringLength(256)]
    [Display(Name = "Your password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The code is 6 digits, from your authenticator app.")]
    [Display(Name = "Authenticator code")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Choose your time zone.")]
    [StringLength(64)]
    [Display(Name = "Your time zone")]
    public string TimeZone { get; set; } = SignatureCheck.DefaultTimeZone;
}

/// <summary>
/// Re-checks the signer at the moment of signing: password (failures count toward lockout), then an authenticator code
/// that is accepted only once.
/// </summary>
public static class SignatureCheck
{
    public const string DefaultTimeZone = "America/Chicago";

    private const string TokenProvider = "TrainingNetwork";
    private const string LastCodeToken = "LastSigningCode";

    // Identity accepts a code for a few 30-second steps either side of now; a used code stays refused beyond that.
    private static readonly TimeSpan ReuseWindow = TimeSpan.FromMinutes(5);

    /// <summary>IANA zones for the time-zone list.</summary>
    public static IReadOnlyList<string> TimeZones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Order(StringComparer.Ordinal)];

    public static async Task<bool> HasAuthenticatorAsync(UserManager<ApplicationUser> users, ApplicationUser user) =>
        !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user));

    /// <summary>Null when the time zone is known and both factors hold; otherwise the field at fault and what to tell the signer.</summary>
    public static async Task<(string Field, string Message)?> VerifyAsync(
        UserManager<ApplicationUser> users, ApplicationUser user, SignatureInput input, DateTimeOffset now)
    {
        if (!IsKnownTimeZone(input.TimeZone))
        {
            return ("Input.TimeZone", "Choose your time zone from the list.");
        }

        if (await users.IsLockedOutAsync(user))
        {
            return ("", "Too many failed attempts: signing is locked for 15 minutes.");
        }

        if (!await users.CheckPasswordAsync(user, input.Password))
        {
            await users.AccessFailedAsync(user);
            return ("Input.Password", "The password is not correct.");
        }

        var code = input.Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
        {
            await users.AccessFailedAsync(user);
            return ("Input.Code", "The code is not correct or has expired. Enter the code your authenticator app shows now.");
        }

        var usedCode = "This code has already been used. Wait for the next code in your authenticator app.";
        if (await users.GetAuthenticationTokenAsync(user, TokenProvider, LastCodeToken) is { } last && WasUsed(last, code, now))
        {
            return ("Input.Code", usedCode);
        }

        // The user's concurrency stamp makes this the one winner when the same code is posted twice at once.
        var remembered = await users.SetAuthenticationTokenAsync(
            user, TokenProvider, LastCodeToken, $"{code}|{now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");
        if (!remembered.Succeeded)
        {
            return ("Input.Code", usedCode);
        }

        await users.ResetAccessFailedCountAsync(user);
        return null;
    }

    private static bool IsKnownTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;

    private static bool WasUsed(string last, string code, DateTimeOffset now)
    {
        var parts = last.Split('|');
        return parts.Length == 2 && parts[0] == code
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var at)
            && now - DateTimeOffset.FromUnixTimeSeconds(at) < ReuseWindow;
    }
}
