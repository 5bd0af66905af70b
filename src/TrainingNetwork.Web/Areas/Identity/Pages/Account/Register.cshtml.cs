using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrainingNetwork.Web.Areas.Identity.Pages.Account;

/// <summary>Replaces the default Identity registration, which would create accounts with no role.</summary>
[AllowAnonymous]
public sealed class RegisterModel : PageModel
{
    public void OnGet()
    {
    }
}
