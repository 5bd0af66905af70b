using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Cases;
using static TrainingNetwork.Web.Tests.Pages.Coordination.CoordinationTestData;
using TrainingData = TrainingNetwork.Web.Tests.Pages.Training.TrainingTestData;

namespace TrainingNetwork.Web.Tests.Pages.Coordination;

public sealed class RosterTests(MailPortalFactory portal) : IClassFixture<MailPortalFactory>, IAsyncLifetime
{
    private const string NewPreceptor = "dr.new.preceptor@example.org";
    private const string NewPassword = "a long new password";
    private const string BluegrassPreceptor = "preceptor1.bluegrass@trainingnetwork.test";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Roster_lists_the_preceptors_with_their_listings_verification_in_words()
    {
        var page = await (await portal.SignedInAsync(DemoAccounts.Coordinator)).GetDocumentAsync(await portal.PageUrlAsync("Roster", Gateway));

        var rows = page.QuerySelectorAll("[data-membership]");
        Assert.Equal(2, rows.Length);
        Assert.Contains(rows, row => row.TextContent.Contains(DemoAccounts.Preceptor, StringComparison.Ordinal));
        Assert.All(rows, row => Assert.Equal("Verified by network staff", row.QuerySelector(".listing-verification")!.TextContent));
    }

    [Fact]
    public async Task Inviting_a_new_address_creates_the_preceptor_who_sets_a_password_from_the_mail_and_signs_in()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);
        var url = await portal.PageUrlAsync("Roster", Gateway);

        var response = await InviteAsync(client, url, NewPreceptor, "Dr. Nadia Newcomer");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (user, roles, centers) = await AccountAsync(NewPreceptor);
        Assert.Equal(("Dr. Nadia Newcomer", true, null), (user.FullName, user.EmailConfirmed, user.PasswordHash));
        Assert.Equal([Roles.Preceptor], roles);
        Assert.Equal([Gateway], centers);
        Assert.Contains("Dr. Nadia Newcomer", (await client.GetDocumentAsync(url)).QuerySelector(".roster")!.TextContent);

        var mail = Assert.Single(portal.MailTo(NewPreceptor));
        Assert.Equal($"Invitation: preceptor at {Gateway}", mail.Subject);
        var invitee = portal.CreateBrowserLikeClient();
        var link = await LinkFromMailboxAsync(invitee, mail.Id);
        Assert.Equal("/Identity/Account/ResetPassword", new Uri(link).AbsolutePath);
        var reset = await invitee.SubmitAsync(await invitee.GetDocumentAsync(new Uri(link).PathAndQuery), "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = NewPreceptor,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal("/Identity/Account/ResetPasswordConfirmation", reset.Headers.Location?.OriginalString);

        var signIn = await invitee.SignInAsync(NewPreceptor, NewPassword);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        Assert.Equal("/Reviews", (await invitee.GetAsync("/")).Headers.Location?.OriginalString);
        Assert.Equal(MfaEnforcement.EnrolmentPage, (await invitee.GetAsync("/Reviews")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Inviting_a_preceptor_of_another_center_adds_a_membership()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);

        var response = await InviteAsync(client, await portal.PageUrlAsync("Roster", Gateway), BluegrassPreceptor.ToUpperInvariant(), "");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, roles, centers) = await AccountAsync(BluegrassPreceptor);
        Assert.Equal([Roles.Preceptor], roles);
        Assert.Equal([Bluegrass, Gateway], centers);
        Assert.Equal($"You are now a preceptor at {Gateway}", Assert.Single(portal.MailTo(BluegrassPreceptor)).Subject);
    }

    [Fact]
    public async Task Inviting_a_physician_in_training_makes_them_a_preceptor_too()
    {
        const string physician = "trainee20@trainingnetwork.test";
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);

        await InviteAsync(client, await portal.PageUrlAsync("Roster", Gateway), physician, "");

        var (_, roles, centers) = await AccountAsync(physician);
        Assert.Equal([Roles.Preceptor, Roles.Trainee], roles);
        Assert.Equal([Gateway], centers);
    }

    [Fact]
    public async Task Inviting_someone_already_on_the_roster_is_refused()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);

        var response = await InviteAsync(client, await portal.PageUrlAsync("Roster", Gateway), DemoAccounts.Preceptor, "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is already on this center's roster", (await HtmlForms.ParseAsync(response)).FieldError("Input.Email"));
        Assert.Equal([Gateway], (await AccountAsync(DemoAccounts.Preceptor)).Centers);
        Assert.Empty(portal.MailTo(DemoAccounts.Preceptor));
    }

    [Theory]
    [InlineData(NewPreceptor, "", "Input.FullName", "this address has no account yet")]
    [InlineData(NewPreceptor, "<script>alert(1)</script>", "Input.FullName", "Remove angle-bracket markup")]
    [InlineData("not an address", "Dr. Nobody", "Input.Email", "Enter a valid e-mail address.")]
    public async Task Bad_invitation_is_refused_with_a_message_and_creates_nothing(string address, string name, string field, string message)
    {
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);

        var response = await InviteAsync(client, await portal.PageUrlAsync("Roster", Gateway), address, name);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await HtmlForms.ParseAsync(response)).FieldError(field));
        Assert.False(await portal.QueryAsync(db => db.Users.AnyAsync(u => u.Email == address)));
        Assert.Empty(portal.MailTo(address));
    }

    [Fact]
    public async Task Removing_a_preceptor_ends_the_membership_and_keeps_the_account()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);
        var url = await portal.PageUrlAsync("Roster", Gateway);
        var page = await client.GetDocumentAsync(url);

        var response = await client.SubmitAsync(page, $"{PreceptorRow(page, DemoAccounts.Preceptor)} form[action*='Remove']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (user, roles, centers) = await AccountAsync(DemoAccounts.Preceptor);
        Assert.Empty(centers);
        Assert.Equal([Roles.Preceptor], roles);
        Assert.Equal(DemoAccounts.Preceptor, user.Email);
        Assert.DoesNotContain(DemoAccounts.Preceptor, (await client.GetDocumentAsync(url)).QuerySelector(".roster")!.TextContent);
    }

    [Fact]
    public async Task Coordinator_of_another_center_gets_404_and_changes_nothing()
    {
        var gatewayUrl = await portal.PageUrlAsync("Roster", Gateway);
        var gatewayPage = await (await portal.SignedInAsync(DemoAccounts.Coordinator)).GetDocumentAsync(gatewayUrl);
        var membership = Guid.Parse(gatewayPage.QuerySelector(PreceptorRow(gatewayPage, DemoAccounts.Preceptor))!.GetAttribute("data-membership")!);
        var client = await portal.SignedInAsync(BluegrassCoordinator);
        var bluegrassUrl = await portal.PageUrlAsync("Roster", Bluegrass);
        var own = await client.GetDocumentAsync(bluegrassUrl);

        var get = await client.GetAsync(gatewayUrl);
        var invite = await TrainingData.PostWithTokenAsync(client, own, gatewayUrl + "?handler=Invite", new Dictionary<string, string> { ["IdempotencyKey"] = Guid.NewGuid().ToString(), ["Input.Email"] = NewPreceptor, ["Input.FullName"] = "Dr. Sneaky" });
        var remove = await TrainingData.PostWithTokenAsync(client, own, gatewayUrl + "?handler=Remove", new Dictionary<string, string> { ["membershipId"] = membership.ToString() });
        var viaOwnCenter = await TrainingData.PostWithTokenAsync(client, own, bluegrassUrl + "?handler=Remove", new Dictionary<string, string> { ["membershipId"] = membership.ToString() });

        Assert.All([get, invite, remove, viaOwnCenter], response => Assert.Equal(HttpStatusCode.NotFound, response.StatusCode));
        Assert.Equal([Gateway], (await AccountAsync(DemoAccounts.Preceptor)).Centers);
        Assert.False(await portal.QueryAsync(db => db.Users.AnyAsync(u => u.Email == NewPreceptor)));
    }


    private static async Task<HttpResponseMessage> InviteAsync(HttpClient client, string url, string address, string name) =>
        await client.SubmitAsync(await client.GetDocumentAsync(url), "form#invite", new Dictionary<string, string>
        {
            ["Input.Email"] = address,
            ["Input.FullName"] = name,
        });

    private static string PreceptorRow(IDocument page, string email) =>
        $"[data-membership='{page.QuerySelectorAll("[data-membership]").Single(row => row.TextContent.Contains(email, StringComparison.Ordinal)).GetAttribute("data-membership")}']";

    /// <summary>The account, its roles and the names of the centers where it is a preceptor, alphabetically.</summary>
    private async Task<(ApplicationUser User, List<string> Roles, List<string> Centers)> AccountAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = (await users.FindByEmailAsync(email))!;
        var centers = await db.CenterMemberships.Where(m => m.UserId == user.Id && m.Role == CenterRole.Preceptor)
            .Join(db.Centers, m => m.CenterId, c => c.Id, (_, c) => c.Name).OrderBy(n => n).ToListAsync();
        return (user, [.. (await users.GetRolesAsync(user)).Order()], centers);
    }

    private static async Task<string> LinkFromMailboxAsync(HttpClient client, Guid messageId)
    {
        var message = await client.GetDocumentAsync($"/Dev/Message/{messageId}");
        return Assert.Single(message.QuerySelectorAll("a.mail-link")).GetAttribute("href")!;
    }
}
