using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingNetwork.Web.Setup;

namespace TrainingNetwork.Web.Pages.Dev;

/// <summary>Development only: one message from the pickup folder. Its HTML is shown in a sandbox; its links as plain anchors.</summary>
public sealed partial class MessageModel(PickupFolderEmailSender mail, IWebHostEnvironment environment) : PageModel
{
    public PickedUpMessage Message { get; private set; } = null!;

    public IReadOnlyList<string> Links { get; private set; } = [];

    public IActionResult OnGet(Guid id)
    {
        if (!environment.IsDevelopment() || mail.Read(id) is not { } message)
        {
            return NotFound();
        }

        Message = message;
        Links = [.. Href().Matches(message.HtmlBody)
            .Select(match => WebUtility.HtmlDecode(match.Groups[1].Value))
            .Where(link => Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            .Distinct()];
        return Page();
    }

    [GeneratedRegex("""href\s*=\s*["']([^"']+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex Href();
}
