using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

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
/// that is accepted only once (<see cref="OneTimeAuthenticatorTokenProvider"/>).
/// </summary>
public static class SignatureCheck
{
    public const string DefaultTimeZone = "America/Chicago";

    /// <summary>IANA zones for the time-zone list.</summary>
    public static IReadOnlyList<string> TimeZones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Order(StringComparer.Ordinal)];

    public static async Task<bool> HasAuthenticatorAsync(UserManager<ApplicationUser> users, ApplicationUser user) =>
        !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user));

    /// <summary>Null when the time zone is known and both factors hold; otherwise the field at fault and what to tell the signer.</summary>
    public static async Task<(string Field, string Message)?> VerifyAsync(
        UserManager<ApplicationUser> users, OneTimeAuthenticatorTokenProvider authenticator, ApplicationUser user, SignatureInput input)
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

        return await CodeProblemAsync(users, authenticator, user, input.Code) is { } problem ? ("Input.Code", problem) : null;
    }

    /// <summary>
    /// Null when the authenticator code is accepted (the failed-attempt count starts again); otherwise what to tell the
    /// person. A wrong code counts toward lockout; a code already used does not, it was right once.
    /// </summary>
    public static async Task<string?> CodeProblemAsync(
        UserManager<ApplicationUser> users, OneTimeAuthenticatorTokenProvider authenticator, ApplicationUser user, string code)
    {
        switch (await authenticator.CheckAsync(code, users, user))
        {
            case CodeCheck.Wrong:
                await users.AccessFailedAsync(user);
                return "The code is not correct or has expired. Enter the code your authenticator app shows now.";
            case CodeCheck.AlreadyUsed:
                return "This code has already been used. Wait for the next code in your authenticator app.";
        }

        await users.ResetAccessFailedCountAsync(user);
        return null;
    }

    private static bool IsKnownTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;
}
