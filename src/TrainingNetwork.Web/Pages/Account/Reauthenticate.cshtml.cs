using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Pages.Attestations;
using TrainingNetwork.Web.Security;
using TrainingNetwork.Web.Setup;

namespace TrainingNetwork.Web.Pages.Account;

/// <summary>
/// Asks a signed-in user for their password again (and a fresh authenticator code when they have two-factor sign-in)
/// before a sensitive change. Failures count toward lockout. Success signs in anew: a new session, and the sign-in time
/// that <see cref="RecentSignIn"/> checks.
/// </summary>
[EnableRateLimiting(RateLimitingSetup.AccountForms)]
public sealed class ReauthenticateModel(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, OneTimeAuthenticatorTokenProvider authenticator) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool AsksForCode { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        AsksForCode = await users.GetTwoFactorEnabledAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        AsksForCode = await users.GetTwoFactorEnabledAsync(user);
        if (AsksForCode && string.IsNullOrWhiteSpace(Input.Code))
        {
            ModelState.AddModelError("Input.Code", "Enter the 6-digit code from your authenticator app.");
        }

        if (!ModelState.IsValid || !await PasswordHoldsAsync(user) || (AsksForCode && !await CodeHoldsAsync(user)))
        {
            return Page();
        }

        var current = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await signIn.SignInWithClaimsAsync(user, new AuthenticationProperties { IsPersistent = current.Properties?.IsPersistent == true },
            [new Claim("amr", AsksForCode ? "mfa" : "pwd")]);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private async Task<bool> PasswordHoldsAsync(ApplicationUser user)
    {
        var result = await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(result.IsLockedOut ? "" : "Input.Password",
                result.IsLockedOut ? "Too many failed attempts: your account is locked for 15 minutes." : "The password is not correct.");
        }

        return result.Succeeded;
    }

    private async Task<bool> CodeHoldsAsync(ApplicationUser user)
    {
        if (await SignatureCheck.CodeProblemAsync(users, authenticator, user, Input.Code!) is not { } problem)
        {
            return true;
        }

        ModelState.AddModelError("Input.Code", problem);
        return false;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [StringLength(256)]
        [Display(Name = "Your password")]
        public string Password { get; set; } = "";

        [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The code is 6 digits, from your authenticator app.")]
        [Display(Name = "Authenticator code")]
        public string? Code { get; set; }
    }
}
