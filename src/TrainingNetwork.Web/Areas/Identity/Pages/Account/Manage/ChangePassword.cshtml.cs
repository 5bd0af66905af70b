using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Changes the password. Identity renews the security stamp with it, which ends the account's other sessions; this one
/// is refreshed and carries on. A wrong current password counts toward lockout.
/// </summary>
[RequireRecentSignIn]
public sealed class ChangePasswordModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, AccountNotices notices) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await users.GetUserAsync(User) is { } user && !await users.HasPasswordAsync(user) ? RedirectToPage("./SetPassword") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.OldPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var wrongPassword = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch);
                ModelState.AddModelError(wrongPassword ? "Input.OldPassword" : "Input.NewPassword",
                    wrongPassword ? "The current password is not correct." : error.Description);
            }

            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await users.AccessFailedAsync(user);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        await notices.SendAsync(user, "The password of your account was changed");
        StatusMessage = "Your password has been changed. Your other sessions are signed out.";
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [StringLength(256)]
        [Display(Name = "Current password")]
        public string OldPassword { get; set; } = "";

        [Required(ErrorMessage = "Choose a new password.")]
        [DataType(DataType.Password)]
        [StringLength(256)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Repeat the new password.")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "The two passwords do not match.")]
        [Display(Name = "Repeat the new password")]
        public string ConfirmPassword { get; set; } = "";
    }
}
