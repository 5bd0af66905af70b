using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Replaces the recovery codes; the old ones stop working.</summary>
[RequireRecentSignIn]
public sealed class GenerateRecoveryCodesModel(UserManager<ApplicationUser> users, AccountNotices notices) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Read once by Identity's ShowRecoveryCodes page.</summary>
    [TempData]
    public string[]? RecoveryCodes { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await users.GetUserAsync(User) is { } user && await users.GetTwoFactorEnabledAsync(user) ? Page() : RedirectToPage("./TwoFactorAuthentication");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user || !await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage("./TwoFactorAuthentication");
        }

        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnableAuthenticatorModel.RecoveryCodeCount) ?? []];
        await notices.SendAsync(user, "New recovery codes were made for your account; the old ones no longer work");
        StatusMessage = "You have new recovery codes.";
        return RedirectToPage("./ShowRecoveryCodes");
    }
}
