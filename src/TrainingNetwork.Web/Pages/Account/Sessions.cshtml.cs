using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Account;

/// <summary>
/// The browsers the signed-in person is signed in on. They can sign the others out (a lost laptop, a shared computer) or
/// sign out everywhere, which also changes their security stamp.
/// </summary>
public sealed class SessionsModel(
    AppDbContext db, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, TimeProvider clock) : PageModel
{
    // Tokens in the order they must be tried: Edge also says "Chrome", Chrome also says "Safari", Android also says
    // "Linux", and iPhones also say "Mac OS X".
    private static readonly (string Token, string Name)[] Browsers = [("Edg/", "Edge"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari")];
    private static readonly (string Token, string Name)[] Systems =
        [("Windows", "Windows"), ("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Mac OS X", "macOS"), ("Linux", "Linux")];

    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostSignOutOthersAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user || SessionTicketStore.CurrentSessionId(HttpContext) is not { } current)
        {
            return Challenge();
        }

        var ended = await db.SignOutOtherSessionsAsync(user, current, ct);
        TempData["Status"] = ended switch
        {
            0 => "You were not signed in anywhere else.",
            1 => "Signed out 1 other session.",
            _ => $"Signed out {ended} other sessions.",
        };
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var result = await users.SignOutEverywhereAsync(db, user, ct);
        if (!result.Succeeded)
        {
            Problem = string.Join(" ", result.Errors.Select(e => e.Description));
            db.ChangeTracker.Clear();
            await ShowAsync(ct);
            return Page();
        }

        await signIn.SignOutAsync();
        TempData["Status"] = "You are signed out everywhere, on this browser too.";
        return RedirectToPage("/Account/Login", new { area = "Identity" });
    }

    /// <summary>A short description such as "Firefox on Windows" of the browser that sent <paramref name="userAgent"/>.</summary>
    public static string Browser(string? userAgent)
    {
        var agent = userAgent ?? "";
        var browser = Browsers.FirstOrDefault(b => agent.Contains(b.Token, StringComparison.Ordinal)).Name ?? "Unknown browser";
        var system = Systems.FirstOrDefault(s => agent.Contains(s.Token, StringComparison.Ordinal)).Name;
        return system is null ? browser : $"{browser} on {system}";
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        var current = SessionTicketStore.CurrentSessionId(HttpContext);
        var sessions = await db.LiveSessions(User.GetUserId(), SessionLimits.IdleFor(User), clock.GetUtcNow())
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new { s.Id, s.CreatedAt, s.LastSeenAt, s.UserAgent })
            .ToListAsync(ct);
        Sessions = [.. sessions.Select(s => new SessionRow(s.CreatedAt, s.LastSeenAt, Browser(s.UserAgent), s.Id == current))];
    }

    public sealed record SessionRow(DateTimeOffset Started, DateTimeOffset LastActive, string Browser, bool IsCurrent);
}
