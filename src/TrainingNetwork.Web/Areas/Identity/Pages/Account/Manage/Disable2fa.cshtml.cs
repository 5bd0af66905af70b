using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Turns two-factor sign-in off, except for the roles that must keep it (they reset the authenticator instead).</summary>
[RequireRecentSignIn]
public sealed class Disable2faModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, AccountNotices notices) : PageModel
{
    public bool RoleRequiresMfa => MfaEnforcement.IsRequiredFor(User);

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await users.GetUserAsync(User) is { } user && await users.GetTwoFactorEnabledAsync(user) ? Page() : RedirectToPage("./TwoFactorAuthentication");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user || !await users.GetTwoFactorEnabledAsync(user) || RoleRequiresMfa)
        {
            return RedirectToPage("./TwoFactorAuthentication");
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await signIn.RefreshSignInAsync(user);
        await notices.SendAsync(user, "Two-factor sign-in was turned off for your account");
        StatusMessage = "Two-factor sign-in is off. You can turn it on again by setting up an authenticator app.";
        return RedirectToPage("./TwoFactorAuthentication");
    }
}
