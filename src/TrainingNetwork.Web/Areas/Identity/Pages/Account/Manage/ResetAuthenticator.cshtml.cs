using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Replaces the authenticator key (a lost or new phone); two-factor sign-in is off until the new key is set up.</summary>
[RequireRecentSignIn]
public sealed class ResetAuthenticatorModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, AccountNotices notices) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await notices.SendAsync(user, "The authenticator app key of your account was reset");
        StatusMessage = "Your authenticator key has been reset. Set up your authenticator app with the new key.";
        return RedirectToPage("./EnableAuthenticator");
    }
}
