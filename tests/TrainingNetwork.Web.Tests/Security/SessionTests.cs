using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Reviews;

namespace TrainingNetwork.Web.Tests.Security;

public sealed class SessionTests(SessionPortalFactory portal) : IClassFixture<SessionPortalFactory>, IAsyncLifetime
{
    private const string Login = "/Identity/Account/Login";
    private const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0";
    private const string Chrome = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

    public Task InitializeAsync()
    {
        portal.Clock.Reset();
        return portal.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_session_cookie_holds_only_a_protected_session_id()
    {
        var jar = new CookieContainer();
        var response = await portal.Browser(jar).SignInAsync(DemoAccounts.Trainee, DemoAccounts.Password);

        var cookieName = portal.SessionCookie.Cookie.Name!;
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(cookieName + "=", StringComparison.Ordinal));
        var value = portal.SessionCookieIn(jar)!;
        Assert.True(value.Length < 400, $"The cookie is {value.Length} characters: more than a session id.");
        Assert.DoesNotContain("trainee14", setCookie, StringComparison.OrdinalIgnoreCase);
        var ticket = portal.SessionCookie.TicketDataFormat.Unprotect(value)!;
        var claim = Assert.Single(ticket.Principal.Claims);
        var session = Assert.Single(await SessionsOfAsync(DemoAccounts.Trainee));
        Assert.Equal(session.Id.ToString(), claim.Value);
    }

    [Fact]
    public async Task A_copy_of_the_cookie_is_refused_after_sign_out()
    {
        var jar = new CookieContainer();
        var browser = portal.Browser(jar);
        await browser.SignInAsync(DemoAccounts.Trainee, DemoAccounts.Password);
        var stolen = new CookieContainer();
        portal.Plant(stolen, portal.SessionCookieIn(jar)!);
        Assert.Equal(HttpStatusCode.OK, (await portal.Browser(stolen).GetAsync("/Progress")).StatusCode);

        var home = await browser.GetDocumentAsync("/Progress");
        await browser.SubmitAsync(home, "form[action*='/Account/Logout']", new Dictionary<string, string>());

        await AssertSentToLoginAsync(portal.Browser(stolen), "/Progress");
        Assert.Empty(await SessionsOfAsync(DemoAccounts.Trainee));
    }

    [Fact]
    public async Task Signing_in_over_a_planted_session_starts_a_new_one_the_planter_cannot_use()
    {
        var attacker = new CookieContainer();
        await portal.Browser(attacker).SignInAsync(DemoAccounts.Trainee, DemoAccounts.Password);
        var planted = portal.SessionCookieIn(attacker)!;
        var victim = new CookieContainer();
        portal.Plant(victim, planted);
        var victimBrowser = portal.Browser(victim);

        var response = await victimBrowser.SignInAsync(DemoAccounts.Preceptor, DemoAccounts.Password);

        var cookieName = portal.SessionCookie.Cookie.Name!;
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(cookieName + "=", StringComparison.Ordinal));
        Assert.NotEqual(planted, portal.SessionCookieIn(victim));
        Assert.Equal(HttpStatusCode.OK, (await victimBrowser.GetAsync("/Reviews")).StatusCode);
        await AssertSentToLoginAsync(portal.Browser(attacker), "/Progress");
        Assert.Empty(await SessionsOfAsync(DemoAccounts.Trainee));
    }

    [Fact]
    public async Task Signing_in_again_gives_a_new_session_id_but_keeps_the_limits_of_the_first_sign_in()
    {
        var jar = new CookieContainer();
        var browser = portal.Browser(jar);
        await browser.SignInAsync(DemoAccounts.Trainee, DemoAccounts.Password);
        var first = Assert.Single(await SessionsOfAsync(DemoAccounts.Trainee));
        var firstCookie = portal.SessionCookieIn(jar);
        portal.Clock.Advance(TimeSpan.FromMinutes(5));

        await browser.SignInAsync(DemoAccounts.Trainee, DemoAccounts.Password);

        var second = Assert.Single(await SessionsOfAsync(DemoAccounts.Trainee));
        Assert.NotEqual(first.Id, second.Id);
        Assert.NotEqual(firstCookie, portal.SessionCookieIn(jar));
        Assert.Equal((first.CreatedAt, first.ExpiresAt), (second.CreatedAt, second.ExpiresAt));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Progress")).StatusCode);
    }

    [Fact]
    public async Task Thirty_one_idle_minutes_end_the_session()
    {
        var browser = await SignedInBrowserAsync(DemoAccounts.Trainee);

        portal.Clock.Advance(TimeSpan.FromMinutes(31));

        await AssertSentToLoginAsync(browser, "/Progress");
        Assert.Empty(await SessionsOfAsync(DemoAccounts.Trainee));
    }

    [Fact]
    public async Task Sixteen_idle_minutes_end_an_admin_session_but_not_a_physician_session()
    {
        var admin = await SignedInBrowserAsync(DemoAccounts.Admin);
        var physician = await SignedInBrowserAsync(DemoAccounts.Trainee);

        portal.Clock.Advance(TimeSpan.FromMinutes(16));

        await AssertSentToLoginAsync(admin, "/Admin");
        Assert.Equal(HttpStatusCode.OK, (await physician.GetAsync("/Progress")).StatusCode);
    }

    [Theory]
    [InlineData(DemoAccounts.Trainee, "/Progress", 20, 12)]
    [InlineData(DemoAccounts.Admin, "/Admin", 10, 8)]
    public async Task A_session_kept_busy_still_ends_at_its_absolute_limit(string email, string page, int minutesBetweenRequests, int hours)
    {
        var browser = await SignedInBrowserAsync(email);
        var step = TimeSpan.FromMinutes(minutesBetweenRequests);
        var busy = TimeSpan.Zero;
        while (busy + step < TimeSpan.FromHours(hours))
        {
            portal.Clock.Advance(step);
            busy += step;
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(page)).StatusCode);
        }

        portal.Clock.Advance(TimeSpan.FromHours(hours) - busy + TimeSpan.FromMinutes(1));

        await AssertSentToLoginAsync(browser, page);
    }

    [Fact]
    public async Task A_changed_security_stamp_ends_the_session_within_a_minute_and_deletes_its_row()
    {
        var browser = await SignedInBrowserAsync(DemoAccounts.Trainee);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(DemoAccounts.Trainee))!);
        }

        portal.Clock.Advance(TimeSpan.FromSeconds(61));

        await AssertSentToLoginAsync(browser, "/Progress");
        Assert.Empty(await SessionsOfAsync(DemoAccounts.Trainee));
    }

    [Fact]
    public async Task Sessions_page_lists_each_browser_and_marks_this_one()
    {
        var onWindows = await SignedInBrowserAsync(DemoAccounts.Trainee, Firefox);
        await SignedInBrowserAsync(DemoAccounts.Trainee, Chrome);

        var page = await onWindows.GetDocumentAsync("/Account/Sessions");

        var rows = page.QuerySelectorAll("#sessions tbody tr");
        Assert.Equal(["Chrome on macOS", "Firefox on Windows"], rows.Select(r => r.QuerySelector("th")!.FirstChild!.TextContent.Trim()).Order());
        var current = Assert.Single(rows, r => r.QuerySelector(".badge") is not null);
        Assert.StartsWith("Firefox on Windows", current.QuerySelector("th")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_other_sessions_ends_the_other_browser_and_keeps_this_one()
    {
        var here = await SignedInBrowserAsync(DemoAccounts.Trainee);
        var elsewhere = await SignedInBrowserAsync(DemoAccounts.Trainee);
        var page = await here.GetDocumentAsync("/Account/Sessions");

        var response = await here.SubmitAsync(page, "form#sign-out-others", new Dictionary<string, string>());

        Assert.Equal("/Account/Sessions", response.Headers.Location?.OriginalString);
        Assert.Contains("Signed out 1 other session.", (await here.GetDocumentAsync("/Account/Sessions")).QuerySelector("[role='status']")!.TextContent, StringComparison.Ordinal);
        await AssertSentToLoginAsync(elsewhere, "/Progress");
        Assert.Single(await SessionsOfAsync(DemoAccounts.Trainee));
        var entry = Assert.Single(await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync()));
        Assert.Equal((AuditAction.SessionsRevoked, await portal.UserIdAsync(DemoAccounts.Trainee)), (entry.Action, entry.ActorUserId));
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_and_changes_the_security_stamp()
    {
        var here = await SignedInBrowserAsync(DemoAccounts.Trainee);
        var elsewhere = await SignedInBrowserAsync(DemoAccounts.Trainee);
        var stampBefore = await StampAsync(DemoAccounts.Trainee);
        var page = await here.GetDocumentAsync("/Account/Sessions");

        var response = await here.SubmitAsync(page, "form#sign-out-everywhere", new Dictionary<string, string>());

        Assert.Equal(Login, response.Headers.Location?.OriginalString);
        await AssertSentToLoginAsync(elsewhere, "/Progress");
        await AssertSentToLoginAsync(here, "/Progress");
        Assert.Empty(await SessionsOfAsync(DemoAccounts.Trainee));
        Assert.NotEqual(stampBefore, await StampAsync(DemoAccounts.Trainee));
        Assert.Equal(AuditAction.SessionsRevoked, Assert.Single(await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync())).Action);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync("/Account/Sessions");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Login, response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Account_settings_menu_links_to_the_sessions_page()
    {
        var browser = await SignedInBrowserAsync(DemoAccounts.Trainee);

        var settings = await browser.GetDocumentAsync("/Identity/Account/Manage");

        Assert.Equal("/Account/Sessions", settings.QuerySelector("a#sessions")?.GetAttribute("href"));
    }

    private async Task<HttpClient> SignedInBrowserAsync(string email, string? userAgent = null)
    {
        var browser = portal.Browser(new CookieContainer(), userAgent);
        await browser.SignInAsync(email, DemoAccounts.Password);
        return browser;
    }

    private static async Task AssertSentToLoginAsync(HttpClient browser, string url)
    {
        var response = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Login, response.Headers.Location?.AbsolutePath);
    }

    private async Task<List<SignInSession>> SessionsOfAsync(string email)
    {
        var userId = await portal.UserIdAsync(email);
        return await portal.WithDbAsync(db => db.SignInSessions.AsNoTracking().Where(s => s.UserId == userId).ToListAsync());
    }

    private Task<string?> StampAsync(string email) =>
        portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.SecurityStamp).SingleAsync());
}
