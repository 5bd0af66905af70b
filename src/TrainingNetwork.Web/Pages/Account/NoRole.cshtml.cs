using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrainingNetwork.Web.Pages.Account;

public sealed class NoRoleModel : PageModel
{
    public void OnGet()
    {
    }
}
