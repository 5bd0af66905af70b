using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages;

/// <summary>The portal with a pickup folder of its own, so tests read exactly the mail they caused.</summary>
public sealed class MailPortalFactory : PortalFactory
{
    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), "tn-test-mail-" + Guid.NewGuid().ToString("N"));

    public IReadOnlyList<PickedUpMessage> MailTo(string email) =>
        [.. Services.GetRequiredService<PickupFolderEmailSender>().ReadAll().Where(m => m.To == email)];

    /// <summary>Fills and posts the registration form; only the fields named in <paramref name="overrides"/> differ from a valid physician.</summary>
    public static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var page = await client.GetDocumentAsync("/Identity/Account/Register");
        var values = new Dictionary<string, string>
        {
            ["Input.FullName"] = "Dr. Ada Registrant",
            ["Input.Email"] = email,
            ["Input.Password"] = "correct horse battery",
            ["Input.ConfirmPassword"] = "correct horse battery",
            ["Input.Specialty"] = "Nuclear medicine",
            ["Input.PracticeState"] = "MO",
            ["Input.Pathway"] = "35.396",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        return await client.SubmitAsync(page, "form#register", values);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:PickupDirectory", PickupDirectory);
    }
}

public sealed class RegistrationTests(MailPortalFactory portal) : IClassFixture<MailPortalFactory>, IAsyncLifetime
{
    private const string CheckYourEmail = "/Identity/Account/RegisterConfirmation";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task New_physician_registers_confirms_by_mail_and_lands_on_progress()
    {
        var client = portal.CreateBrowserLikeClient();
        const string email = "new.physician@example.org";

        var registered = await MailPortalFactory.RegisterAsync(client, email, new Dictionary<string, string> { ["Input.Pathway"] = "35.390" });

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal(CheckYourEmail, registered.Headers.Location!.OriginalString);
        var confirmation = await client.GetDocumentAsync(CheckYourEmail);
        Assert.Equal("Check your e-mail", confirmation.Heading());
        Assert.NotNull(confirmation.QuerySelector("a[href='/Dev/Mailbox']"));

        var mail = Assert.Single(portal.MailTo(email));
        Assert.Equal("Confirm your TrainingNetwork account", mail.Subject);
        var link = await ConfirmationLinkFromMailboxAsync(client, mail.Id);
        var confirmed = await client.GetDocumentAsync(link);
        Assert.Contains("Thank you for confirming your email", confirmed.Body!.TextContent);

        var signIn = await client.SignInAsync(email, "correct horse battery");
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        var home = await client.GetAsync("/");
        Assert.Equal("/Progress", home.Headers.Location?.OriginalString);
        Assert.Equal("My progress", (await client.GetDocumentAsync("/Progress")).Heading());

        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.Equal("Dr. Ada Registrant", user.FullName);
        Assert.True(await users.IsInRoleAsync(user, Roles.Trainee));
        var trainee = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Trainees.SingleAsync(t => t.UserId == user.Id);
        Assert.Equal(("Nuclear medicine", "MO", Pathway.Section390), (trainee.Specialty, trainee.PracticeState, trainee.Pathway));
        Assert.Equal(7, trainee.Id.Version);
    }

    [Fact]
    public async Task Unconfirmed_physician_cannot_sign_in()
    {
        var client = portal.CreateBrowserLikeClient();
        await MailPortalFactory.RegisterAsync(client, "unconfirmed@example.org");

        var signIn = await client.SignInAsync("unconfirmed@example.org", "correct horse battery");

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("Sign-in failed", (await HtmlForms.ParseAsync(signIn)).QuerySelector(".alert-danger")!.TextContent);
    }

    [Fact]
    public async Task Existing_email_gets_the_same_result_page_and_no_second_account()
    {
        var client = portal.CreateBrowserLikeClient();

        var again = await MailPortalFactory.RegisterAsync(client, DemoAccounts.Trainee.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(CheckYourEmail, again.Headers.Location!.OriginalString);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var normalized = DemoAccounts.Trainee.ToUpperInvariant();
        Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedEmail == normalized));
        Assert.Equal("You already have a TrainingNetwork account", Assert.Single(portal.MailTo(DemoAccounts.Trainee)).Subject);
    }

    [Fact]
    public async Task Markup_in_the_name_is_refused_and_nothing_is_saved()
    {
        var response = await MailPortalFactory.RegisterAsync(
            portal.CreateBrowserLikeClient(), "markup@example.org", new Dictionary<string, string> { ["Input.FullName"] = "<script>alert(1)</script>" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("Remove angle-bracket markup", page.QuerySelector("[data-valmsg-for='Input.FullName']")!.TextContent);
        Assert.Equal("markup@example.org", page.QuerySelector<IHtmlInputElement>("#Input_Email")!.Value);
        await AssertNoAccountAsync("markup@example.org");
        Assert.Empty(portal.MailTo("markup@example.org"));
    }

    [Fact]
    public async Task Short_password_is_refused_with_identitys_rule()
    {
        var response = await MailPortalFactory.RegisterAsync(
            portal.CreateBrowserLikeClient(), "short@example.org",
            new Dictionary<string, string> { ["Input.Password"] = "too-short", ["Input.ConfirmPassword"] = "too-short" });

        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("at least 15 characters", page.QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent);
        await AssertNoAccountAsync("short@example.org");
    }

    [Fact]
    public async Task Check_your_email_page_never_shows_a_confirmation_link()
    {
        var page = await portal.CreateBrowserLikeClient().GetDocumentAsync($"{CheckYourEmail}?email={Uri.EscapeDataString(DemoAccounts.Trainee)}");

        Assert.Equal("Check your e-mail", page.Heading());
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => a.GetAttribute("href")!.Contains("ConfirmEmail", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<string> ConfirmationLinkFromMailboxAsync(HttpClient client, Guid messageId)
    {
        var mailbox = await client.GetDocumentAsync("/Dev/Mailbox");
        var href = mailbox.QuerySelector($"a[href='/Dev/Message/{messageId}']")!.GetAttribute("href")!;
        var message = await client.GetDocumentAsync(href);
        var link = new Uri(message.QuerySelector("a.mail-link")!.GetAttribute("href")!);
        Assert.Equal("/Identity/Account/ConfirmEmail", link.AbsolutePath);
        return link.PathAndQuery;
    }

    private async Task AssertNoAccountAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email));
    }
}
