using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages;

public sealed class SignInTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Wrong_password_shows_one_neutral_message_and_signs_nobody_in()
    {
        var client = portal.CreateBrowserLikeClient();

        var response = await client.SignInAsync(DemoAccounts.Trainee, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("Sign-in failed", page.QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Progress")).StatusCode);
    }

    [Fact]
    public async Task Unknown_email_gets_the_same_message_as_a_wrong_password()
    {
        var unknown = await HtmlForms.ParseAsync(await portal.CreateBrowserLikeClient().SignInAsync("nobody@trainingnetwork.test", "whatever-password"));
        var wrong = await HtmlForms.ParseAsync(await portal.CreateBrowserLikeClient().SignInAsync(DemoAccounts.Trainee, "whatever-password"));

        Assert.Equal(wrong.QuerySelector(".alert-danger")!.TextContent, unknown.QuerySelector(".alert-danger")!.TextContent);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account()
    {
        var client = portal.CreateBrowserLikeClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SignInAsync(DemoAccounts.Staff, "wrong-password-" + attempt);
        }

        var withRightPassword = await client.SignInAsync(DemoAccounts.Staff, DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode);
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(DemoAccounts.Staff))!));
    }

    [Fact]
    public async Task Empty_form_shows_field_messages()
    {
        var response = await portal.CreateBrowserLikeClient().SignInAsync("", "");

        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("Enter your email address.", page.Body!.TextContent);
        Assert.Contains("Enter your password.", page.Body!.TextContent);
    }

    [Fact]
    public async Task Development_login_page_lists_one_demo_sign_in_per_role()
    {
        var page = await portal.CreateBrowserLikeClient().GetDocumentAsync("/Identity/Account/Login");

        var emails = page.QuerySelectorAll(".demo-accounts td code").Select(c => c.TextContent).ToList();
        Assert.Equal(DemoAccounts.OnePerRole.Select(a => a.Email), emails);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Trainee, DemoAccounts.Password);
        var home = await client.GetDocumentAsync("/Progress");

        var signOut = await client.SubmitAsync(home, "form[action*='/Account/Logout']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Progress")).StatusCode);
    }
}
