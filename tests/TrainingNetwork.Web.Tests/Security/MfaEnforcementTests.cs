using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Web.Areas.Identity.Pages.Account.Manage;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Reviews;

namespace TrainingNetwork.Web.Tests.Security;

/// <summary>A clock that tests move forward; it runs on from the real time.</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

/// <summary>
/// The portal as in Development but with the demo exemption off (<c>Security:DemoAccountsSkipMfa</c> = false), so the demo
/// preceptors, coordinators, staff and admins must enrol; with a mail folder of its own and a clock tests can move.
/// </summary>
public sealed class MfaPortalFactory : PortalFactory
{
    public MovableClock Clock { get; } = new();

    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), "tn-test-mail-" + Guid.NewGuid().ToString("N"));

    public IReadOnlyList<PickedUpMessage> MailTo(string email) =>
        [.. Services.GetRequiredService<PickupFolderEmailSender>().ReadAll().Where(m => m.To == email)];

    /// <summary>The code an authenticator app with <paramref name="key"/> shows at the portal's time.</summary>
    public string CodeNow(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(Clock.GetUtcNow().UtcDateTime);

    /// <summary>The code of the next 30-second step: each code is accepted once, so a second use of the app needs the next one.</summary>
    public string NextCode(string key)
    {
        Clock.Offset += TimeSpan.FromSeconds(30);
        return CodeNow(key);
    }

    /// <summary>Sets up an authenticator app for the signed-in client through the pages; returns its key and recovery codes.</summary>
    public async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync(MfaEnforcement.EnrolmentPage);
        var key = page.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

        var verified = await client.SubmitAsync(page, "#send-code", new Dictionary<string, string> { ["Input.Code"] = CodeNow(key) });

        Assert.Equal("/Identity/Account/Manage/ShowRecoveryCodes", verified.Headers.Location?.OriginalString);
        var codes = (await client.GetDocumentAsync("/Identity/Account/Manage/ShowRecoveryCodes")).QuerySelectorAll(".recovery-code").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(EnableAuthenticatorModel.RecoveryCodeCount, codes.Count);
        return (key, codes);
    }

    public async Task<T> WithUsersAsync<T>(Func<UserManager<ApplicationUser>, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }

    public Task<ApplicationUser> UserAsync(string email) => WithUsersAsync(async users => (await users.FindByEmailAsync(email))!);

    /// <summary>Back to the real time, an empty mail folder and the freshly seeded demo network.</summary>
    public Task RestartAsync()
    {
        Clock.Offset = TimeSpan.Zero;
        if (Directory.Exists(PickupDirectory))
        {
            Directory.Delete(PickupDirectory, recursive: true);
        }

        return ResetAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(MfaEnforcement.DemoAccountsSkipMfaSetting, "false");
        builder.UseSetting("Email:PickupDirectory", PickupDirectory);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class MfaEnforcementTests(MfaPortalFactory portal) : IClassFixture<MfaPortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.RestartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_preceptor_without_two_factor_sign_in_is_sent_to_enrolment_and_told_why()
    {
        var preceptor = await portal.SignedInAsync(DemoAccounts.Preceptor);

        var response = await preceptor.GetAsync("/Reviews");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(MfaEnforcement.EnrolmentPage, response.Headers.Location?.OriginalString);
        var enrolment = await preceptor.GetDocumentAsync(MfaEnforcement.EnrolmentPage);
        Assert.Contains("requires two-factor sign-in", enrolment.QuerySelector("#enrolment-required")!.TextContent);
        Assert.NotNull(enrolment.QuerySelector("img[alt^='QR code']"));
        Assert.Null(enrolment.QuerySelector("#demo-mfa-notice"));
    }

    [Theory]
    [InlineData(DemoAccounts.Preceptor, "/Attestations")]
    [InlineData(DemoAccounts.Coordinator, "/Coordination")]
    [InlineData(DemoAccounts.Staff, "/Network")]
    [InlineData(DemoAccounts.Admin, "/Admin")]
    [InlineData(DemoAccounts.Staff, "/Centers")]
    [InlineData(DemoAccounts.Coordinator, "/Identity/Account/Manage")]
    public async Task Every_role_that_needs_two_factor_reaches_no_other_page_before_enrolling(string email, string path)
    {
        var client = await portal.SignedInAsync(email);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(MfaEnforcement.EnrolmentPage, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_post_before_enrolling_is_refused_and_writes_nothing()
    {
        var id = await portal.DemoCaseAsync(CaseStatus.Submitted);
        var preceptor = await portal.SignedInAsync(DemoAccounts.Preceptor);
        var enrolment = await preceptor.GetDocumentAsync(MfaEnforcement.EnrolmentPage);
        var token = enrolment.QuerySelector("#send-code input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var response = await preceptor.PostAsync($"/Reviews/Case/{id}?handler=Approve",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(MfaEnforcement.EnrolmentPage, response.Headers.Location?.OriginalString);
        var untouched = await portal.CaseAsync(id);
        Assert.Equal(CaseStatus.Submitted, untouched.Status);
        Assert.DoesNotContain(untouched.History, e => e.Kind == CaseEventKind.Approved);
    }

    [Fact]
    public async Task The_api_answers_403_problem_details_before_enrolling()
    {
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var trainee = await portal.SignedInAsync(DemoAccounts.Trainee);

        var refused = await staff.GetAsync("/api/v1/signed-in-only");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Two-factor sign-in required.", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await trainee.GetAsync("/api/v1/signed-in-only")).StatusCode);
    }

    [Fact]
    public async Task Enrolment_pages_and_sign_out_stay_reachable_before_enrolling()
    {
        var preceptor = await portal.SignedInAsync(DemoAccounts.Preceptor);

        var overview = await preceptor.GetDocumentAsync("/Identity/Account/Manage/TwoFactorAuthentication");
        Assert.Equal(HttpStatusCode.OK, (await preceptor.GetAsync("/favicon.ico")).StatusCode);
        var signOut = await preceptor.SubmitAsync(overview, "header form[action*='Logout']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", (await preceptor.GetAsync("/Reviews")).Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Enrolling_opens_the_portal_at_once_and_tells_the_user_by_mail()
    {
        var preceptor = await portal.SignedInAsync(DemoAccounts.Preceptor);

        await portal.EnrolAsync(preceptor);

        Assert.Equal(HttpStatusCode.OK, (await preceptor.GetAsync("/Reviews")).StatusCode);
        Assert.True((await portal.UserAsync(DemoAccounts.Preceptor)).TwoFactorEnabled);
        var notice = Assert.Single(portal.MailTo(DemoAccounts.Preceptor));
        Assert.Equal(AccountNotices.Subject, notice.Subject);
        Assert.Contains("Two-factor sign-in with an authenticator app was turned on", notice.HtmlBody);
    }

    [Fact]
    public async Task A_wrong_enrolment_code_is_refused_and_two_factor_stays_off()
    {
        var preceptor = await portal.SignedInAsync(DemoAccounts.Preceptor);
        var page = await preceptor.GetDocumentAsync(MfaEnforcement.EnrolmentPage);

        var response = await preceptor.SubmitAsync(page, "#send-code", new Dictionary<string, string> { ["Input.Code"] = "000000" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The code is not correct", (await HtmlForms.ParseAsync(response)).QuerySelector("[data-valmsg-for='Input.Code']")!.TextContent);
        Assert.False((await portal.UserAsync(DemoAccounts.Preceptor)).TwoFactorEnabled);
        Assert.Equal(HttpStatusCode.Redirect, (await preceptor.GetAsync("/Reviews")).StatusCode);
    }

    [Fact]
    public async Task Two_factor_cannot_be_turned_off_by_a_role_that_needs_it()
    {
        var preceptor = await portal.SignedInAsync(DemoAccounts.Preceptor);
        await portal.EnrolAsync(preceptor);
        var page = await preceptor.GetDocumentAsync("/Identity/Account/Manage/Disable2fa");

        var response = await preceptor.PostAsync("/Identity/Account/Manage/Disable2fa", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
        }));

        Assert.NotNull(page.QuerySelector("#mfa-required"));
        Assert.Null(page.QuerySelector("#disable-2fa"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True((await portal.UserAsync(DemoAccounts.Preceptor)).TwoFactorEnabled);
    }

    [Fact]
    public async Task A_physician_in_training_is_not_forced_to_enrol()
    {
        var trainee = await portal.SignedInAsync(DemoAccounts.Trainee);

        Assert.Equal(HttpStatusCode.OK, (await trainee.GetAsync("/Progress")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await trainee.GetAsync("/Identity/Account/Manage")).StatusCode);
    }
}

/// <summary>The Development demo network as it runs by default: demo accounts skip enrolment, and are told so.</summary>
public sealed class DemoMfaExemptionTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Demo_accounts_skip_enrolment_in_development_under_a_visible_banner()
    {
        var preceptor = await portal.SignedInAsync(DemoAccounts.Preceptor);

        var page = await preceptor.GetDocumentAsync("/Reviews");

        var banner = page.QuerySelector("#demo-mfa-notice")!;
        Assert.Equal("Demo account: two-factor sign-in is not enforced (Development only).", banner.TextContent.Trim());
        Assert.Contains("alert-warning", banner.ClassList);
    }

    [Fact]
    public async Task A_demo_physician_sees_no_banner_as_nothing_is_waived()
    {
        var trainee = await portal.SignedInAsync(DemoAccounts.Trainee);

        Assert.Null((await trainee.GetDocumentAsync("/Progress")).QuerySelector("#demo-mfa-notice"));
    }

    [Fact]
    public async Task An_account_outside_the_demo_domain_must_enrol_even_in_development()
    {
        await MfaAccounts.AddPreceptorAsync(portal.Services, "outside.preceptor@example.org");
        var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync("outside.preceptor@example.org", MfaAccounts.Password);

        var response = await client.GetAsync("/Reviews");

        Assert.Equal(MfaEnforcement.EnrolmentPage, response.Headers.Location?.OriginalString);
        Assert.Null((await client.GetDocumentAsync(MfaEnforcement.EnrolmentPage)).QuerySelector("#demo-mfa-notice"));
    }
}

public sealed class ProductionMfaExemptionTests(ProductionPortalFactory portal) : IClassFixture<ProductionPortalFactory>
{
    [Fact]
    public async Task The_demo_exemption_is_ignored_outside_development()
    {
        await using var production = portal.WithWebHostBuilder(builder => builder.UseSetting(MfaEnforcement.DemoAccountsSkipMfaSetting, "true"));
        await MfaAccounts.AddPreceptorAsync(production.Services, "preceptor9.gateway@trainingnetwork.test");
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        await client.SignInAsync("preceptor9.gateway@trainingnetwork.test", MfaAccounts.Password);

        var response = await client.GetAsync("/Reviews");

        Assert.Equal(MfaEnforcement.EnrolmentPage, response.Headers.Location?.OriginalString);
    }
}

internal static class MfaAccounts
{
    public const string Password = "quiet harbor lantern seventeen";

    /// <summary>A confirmed preceptor account with a password, added outside the demo seed.</summary>
    public static async Task AddPreceptorAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(Roles.Preceptor))
        {
            Assert.True((await roles.CreateAsync(new IdentityRole(Roles.Preceptor))).Succeeded);
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Dr. Quinn Outsider" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Preceptor)).Succeeded);
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.Email == email && u.TwoFactorEnabled));
    }
}
