using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Changes the sign-in e-mail: a link goes to the new address (Identity's ConfirmEmailChange page makes the change) and
/// a notice to the current one.
/// </summary>
[RequireRecentSignIn]
public sealed class EmailModel(UserManager<ApplicationUser> users, IEmailSender email, AccountNotices notices) : PageModel
{
    public string CurrentEmail { get; private set; } = "";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        CurrentEmail = user.Email!;
        return Page();
    }

    public async Task<IActionResult> OnPostChangeEmailAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        CurrentEmail = user.Email!;
        if (string.Equals(Input.NewEmail, CurrentEmail, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.NewEmail", "This is already your e-mail address.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateChangeEmailTokenAsync(user, Input.NewEmail)));
        var link = Url.Page("/Account/ConfirmEmailChange", pageHandler: null,
            values: new { area = "Identity", userId = user.Id, email = Input.NewEmail, code }, protocol: Request.Scheme)!;
        await email.SendEmailAsync(Input.NewEmail, "Confirm your new TrainingNetwork e-mail address",
            $"<p>Please confirm this address for your TrainingNetwork account by <a href=\"{HtmlEncoder.Default.Encode(link)}\">clicking here</a>.</p>");
        await notices.SendAsync(user, CurrentEmail, $"A change of your sign-in e-mail to {Input.NewEmail} was requested; it takes effect when the new address is confirmed");
        StatusMessage = $"We sent a confirmation link to {Input.NewEmail}. Your e-mail changes when you open it.";
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the new e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [StringLength(256)]
        [Display(Name = "New e-mail")]
        public string NewEmail { get; set; } = "";
    }
}
