using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrainingNetwork.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's page of the same name, which looks the address up (revealing whether it has an account) and,
/// with no e-mail sender, shows anyone the confirmation link.
/// </summary>
[AllowAnonymous]
public sealed class RegisterConfirmationModel(IWebHostEnvironment environment) : PageModel
{
    public bool ShowMailbox => environment.IsDevelopment();

    public void OnGet()
    {
    }
}
