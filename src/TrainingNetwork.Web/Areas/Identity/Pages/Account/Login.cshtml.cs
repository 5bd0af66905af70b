using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<ApplicationUser> signIn, IWebHostEnvironment environment, IConfiguration configuration) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<(string Role, string Email)> DemoAccounts { get; private set; } = [];

    public string DemoPassword => Setup.DemoAccounts.Password;

    public string DemoPreceptorAuthenticatorKey => Setup.DemoAccounts.PreceptorAuthenticatorKey;

    public void OnGet() => ShowDemoAccounts();

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ShowDemoAccounts();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl = returnUrl, Input.RememberMe });
        }

        // One message for every failure (unknown email, wrong password, locked, unconfirmed) so the form reveals no accounts.
        ModelState.AddModelError(string.Empty, "Sign-in failed. Check your email and password; after 5 failed attempts an account is locked for 15 minutes.");
        return Page();
    }

    private void ShowDemoAccounts()
    {
        if (environment.IsDevelopment() && configuration.GetValue<bool>("DemoData:Seed"))
        {
            DemoAccounts = Setup.DemoAccounts.OnePerRole;
        }
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(256)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [StringLength(256)]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in")]
        public bool RememberMe { get; set; }
    }
}
