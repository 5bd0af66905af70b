using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingNetwork.Web.Setup;

namespace TrainingNetwork.Web.Pages.Dev;

/// <summary>
/// Development only: the messages in the e-mail pickup folder. Anonymous, because a physician who has just registered
/// must read the confirmation mail before they can sign in; anywhere but Development it does not exist.
/// </summary>
public sealed class MailboxModel(PickupFolderEmailSender mail, IWebHostEnvironment environment) : PageModel
{
    public IReadOnlyList<PickedUpMessage> Messages { get; private set; } = [];

    public string Folder => mail.Directory;

    public IActionResult OnGet()
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        Messages = mail.ReadAll();
        return Page();
    }
}
