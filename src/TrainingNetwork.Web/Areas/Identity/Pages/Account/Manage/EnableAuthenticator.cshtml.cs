using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Sets up an authenticator app: shows the key (and its QR code), then turns two-factor sign-in on once a code from the
/// app checks out. The sign-in is refreshed at once, so the two-factor claim (<see cref="MfaEnforcement"/>) takes effect
/// on the next request.
/// </summary>
[RequireRecentSignIn]
public sealed class EnableAuthenticatorModel(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, MfaEnforcement mfa, AccountNotices notices) : PageModel
{
    public const int RecoveryCodeCount = 10;

    public string SharedKey { get; private set; } = "";
    public string QrCodePng { get; private set; } = "";
    public bool MustEnrol { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Read once by Identity's ShowRecoveryCodes page.</summary>
    [TempData]
    public string[]? RecoveryCodes { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await ShowKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Input.Code))
        {
            ModelState.AddModelError("Input.Code", "The code is not correct, has expired or was already used. Enter the code your authenticator app shows now.");
        }

        if (!ModelState.IsValid)
        {
            await ShowKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user);
        await notices.SendAsync(user, "Two-factor sign-in with an authenticator app was turned on for your account");
        StatusMessage = "Your authenticator app has been verified.";
        if (await users.CountRecoveryCodesAsync(user) > 0)
        {
            return RedirectToPage("./TwoFactorAuthentication");
        }

        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        return RedirectToPage("./ShowRecoveryCodes");
    }

    private async Task ShowKeyAsync(ApplicationUser user)
    {
        MustEnrol = mfa.MustEnrol(User);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        SharedKey = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(group => new string(group)));
        var uri = $"otpauth://totp/TrainingNetwork:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=TrainingNetwork&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrCodePng = Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
        [RegularExpression(@"^\s*\d{3}[\s-]?\d{3}\s*$", ErrorMessage = "The code is 6 digits, from your authenticator app.")]
        [Display(Name = "Code from the app")]
        public string Code { get; set; } = "";
    }
}
