using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Web.Security;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Cases;
using TrainingNetwork.Web.Tests.Pages.Reviews;

namespace TrainingNetwork.Web.Tests.Security;

public sealed class ReauthenticationTests(MfaPortalFactory portal) : IClassFixture<MfaPortalFactory>, IAsyncLifetime
{
    private const string ChangePassword = "/Identity/Account/Manage/ChangePassword";
    private const string NewPassword = "violet canyon drumbeat ledger";

    private static readonly Dictionary<string, string> PasswordChange = new()
    {
        ["Input.OldPassword"] = DemoAccounts.Password,
        ["Input.NewPassword"] = NewPassword,
        ["Input.ConfirmPassword"] = NewPassword,
    };

    public Task InitializeAsync() => portal.RestartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(ChangePassword)]
    [InlineData("/Identity/Account/Manage/Email")]
    [InlineData("/Identity/Account/Manage/EnableAuthenticator")]
    [InlineData("/Identity/Account/Manage/ResetAuthenticator")]
    [InlineData("/Identity/Account/Manage/Disable2fa")]
    [InlineData("/Identity/Account/Manage/GenerateRecoveryCodes")]
    public async Task Sensitive_account_pages_ask_to_reauthenticate_six_minutes_after_sign_in(string path)
    {
        var trainee = await portal.SignedInAsync(DemoAccounts.Trainee);
        portal.Clock.Offset = TimeSpan.FromMinutes(6);

        var response = await trainee.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ReauthenticateUrl(path), response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_password_change_posted_six_minutes_after_sign_in_waits_for_reauthentication_in_a_new_session()
    {
        var trainee = await portal.SignedInAsync(DemoAccounts.Trainee);
        var form = await trainee.GetDocumentAsync(ChangePassword);
        var before = await portal.UserAsync(DemoAccounts.Trainee);
        var sessionsBefore = await SessionIdsAsync(before.Id);
        portal.Clock.Offset = TimeSpan.FromMinutes(6);

        var held = await trainee.SubmitAsync(form, "#change-password-form", PasswordChange);

        Assert.Equal(ReauthenticateUrl(ChangePassword), held.Headers.Location?.OriginalString);
        Assert.Equal(before.PasswordHash, (await portal.UserAsync(DemoAccounts.Trainee)).PasswordHash);
        Assert.Empty(portal.MailTo(DemoAccounts.Trainee));

        var confirm = await trainee.GetDocumentAsync(held.Headers.Location!.OriginalString);
        var back = await trainee.SubmitAsync(confirm, "#reauthenticate", new Dictionary<string, string> { ["Input.Password"] = DemoAccounts.Password });

        Assert.Null(confirm.QuerySelector("#Input_Code"));
        Assert.Equal(ChangePassword, back.Headers.Location?.OriginalString);
        var sessionsAfter = await SessionIdsAsync(before.Id);
        Assert.NotEmpty(sessionsAfter);
        Assert.Empty(sessionsAfter.Intersect(sessionsBefore));
        var changed = await trainee.SubmitAsync(await trainee.GetDocumentAsync(ChangePassword), "#change-password-form", PasswordChange);
        Assert.Equal(ChangePassword, changed.Headers.Location?.OriginalString);
        Assert.NotEqual(before.PasswordHash, (await portal.UserAsync(DemoAccounts.Trainee)).PasswordHash);
    }

    [Fact]
    public async Task Within_five_minutes_a_password_change_goes_through_renews_the_security_stamp_and_tells_the_user()
    {
        var trainee = await portal.SignedInAsync(DemoAccounts.Trainee);
        var before = await portal.UserAsync(DemoAccounts.Trainee);
        portal.Clock.Offset = TimeSpan.FromMinutes(4);

        var response = await trainee.SubmitAsync(await trainee.GetDocumentAsync(ChangePassword), "#change-password-form", PasswordChange);

        Assert.Equal(ChangePassword, response.Headers.Location?.OriginalString);
        var after = await portal.UserAsync(DemoAccounts.Trainee);
        Assert.True(await portal.WithUsersAsync(users => users.CheckPasswordAsync(after, NewPassword)));
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        var notice = Assert.Single(portal.MailTo(DemoAccounts.Trainee));
        Assert.Equal(AccountNotices.Subject, notice.Subject);
        Assert.Contains("The password of your account was changed", notice.HtmlBody);
        Assert.Equal(HttpStatusCode.OK, (await trainee.GetAsync("/Progress")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_and_nothing_changes()
    {
        var trainee = await portal.SignedInAsync(DemoAccounts.Trainee);
        var before = await portal.UserAsync(DemoAccounts.Trainee);

        var response = await trainee.SubmitAsync(await trainee.GetDocumentAsync(ChangePassword), "#change-password-form",
            new Dictionary<string, string>(PasswordChange) { ["Input.OldPassword"] = "not the current password" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The current password is not correct.", CaseLog.FieldError(await HtmlForms.ParseAsync(response), "Input.OldPassword"));
        var after = await portal.UserAsync(DemoAccounts.Trainee);
        Assert.Equal((before.PasswordHash, 1), (after.PasswordHash, after.AccessFailedCount));
        Assert.Empty(portal.MailTo(DemoAccounts.Trainee));
    }

    [Fact]
    public async Task A_wrong_password_on_reauthentication_is_refused_and_counts_toward_lockout()
    {
        var trainee = await portal.SignedInAsync(DemoAccounts.Trainee);
        portal.Clock.Offset = TimeSpan.FromMinutes(6);
        var confirm = await trainee.GetDocumentAsync(ReauthenticateUrl(ChangePassword));

        var response = await trainee.SubmitAsync(confirm, "#reauthenticate", new Dictionary<string, string> { ["Input.Password"] = "not the password" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The password is not correct.", CaseLog.FieldError(await HtmlForms.ParseAsync(response), "Input.Password"));
        Assert.Equal(1, (await portal.UserAsync(DemoAccounts.Trainee)).AccessFailedCount);
        Assert.Equal(ReauthenticateUrl(ChangePassword), (await trainee.GetAsync(ChangePassword)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_enrolled_user_confirms_with_the_password_and_a_fresh_authenticator_code()
    {
        var preceptor = await portal.SignedInAsync(DemoAccounts.Preceptor);
        var (key, _) = await portal.EnrolAsync(preceptor);
        portal.Clock.Offset = TimeSpan.FromMinutes(6);
        var confirm = await preceptor.GetDocumentAsync(ReauthenticateUrl(ChangePassword));

        var passwordOnly = await preceptor.SubmitAsync(confirm, "#reauthenticate", new Dictionary<string, string> { ["Input.Password"] = DemoAccounts.Password });
        var withCode = await preceptor.SubmitAsync(confirm, "#reauthenticate", new Dictionary<string, string>
        {
            ["Input.Password"] = DemoAccounts.Password,
            ["Input.Code"] = portal.NextCode(key),
        });

        Assert.NotNull(confirm.QuerySelector("#Input_Code"));
        Assert.Equal("Enter the 6-digit code from your authenticator app.", CaseLog.FieldError(await HtmlForms.ParseAsync(passwordOnly), "Input.Code"));
        Assert.Equal(ChangePassword, withCode.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await preceptor.GetAsync(ChangePassword)).StatusCode);
    }

    [Fact]
    public async Task Granting_a_role_needs_a_recent_sign_in()
    {
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);
        var (key, _) = await portal.EnrolAsync(admin);
        var physician = await portal.UserAsync(DemoAccounts.Trainee);
        var account = $"/Admin/Account/{physician.Id}";
        portal.Clock.Offset = TimeSpan.FromMinutes(6);

        var held = await admin.SubmitAsync(await admin.GetDocumentAsync(account), "tr[data-role='Preceptor'] form", new Dictionary<string, string>());

        Assert.Equal(ReauthenticateUrl(account), held.Headers.Location?.OriginalString);
        Assert.False(await portal.WithUsersAsync(users => users.IsInRoleAsync(physician, Roles.Preceptor)));

        var back = await admin.SubmitAsync(await admin.GetDocumentAsync(held.Headers.Location!.OriginalString), "#reauthenticate", new Dictionary<string, string>
        {
            ["Input.Password"] = DemoAccounts.Password,
            ["Input.Code"] = portal.NextCode(key),
        });
        var granted = await admin.SubmitAsync(await admin.GetDocumentAsync(account), "tr[data-role='Preceptor'] form", new Dictionary<string, string>());

        Assert.Equal(account, back.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.True(await portal.WithUsersAsync(users => users.IsInRoleAsync(physician, Roles.Preceptor)));
    }

    [Fact]
    public async Task Changing_the_email_sends_a_link_to_the_new_address_and_a_notice_to_the_current_one()
    {
        const string NewAddress = "maya.okafor@example.org";
        var trainee = await portal.SignedInAsync(DemoAccounts.Trainee);

        var response = await trainee.SubmitAsync(await trainee.GetDocumentAsync("/Identity/Account/Manage/Email"), "#email-form",
            new Dictionary<string, string> { ["Input.NewEmail"] = NewAddress });

        Assert.Equal("/Identity/Account/Manage/Email", response.Headers.Location?.OriginalString);
        Assert.Contains("/Identity/Account/ConfirmEmailChange", Assert.Single(portal.MailTo(NewAddress)).HtmlBody);
        Assert.Contains(NewAddress, Assert.Single(portal.MailTo(DemoAccounts.Trainee)).HtmlBody);
        Assert.Equal(DemoAccounts.Trainee, (await portal.UserAsync(DemoAccounts.Trainee)).Email);
    }

    [Fact]
    public async Task A_password_reset_signs_nobody_in_renews_the_stamp_and_keeps_the_second_factor()
    {
        await portal.EnrolAsync(await portal.SignedInAsync(DemoAccounts.Preceptor));
        var before = await portal.UserAsync(DemoAccounts.Preceptor);
        var token = await portal.WithUsersAsync(users => users.GeneratePasswordResetTokenAsync(before));
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var client = portal.CreateBrowserLikeClient();

        var reset = await client.SubmitAsync(await client.GetDocumentAsync($"/Identity/Account/ResetPassword?code={code}"), "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.Preceptor,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        Assert.Equal("/Identity/Account/ResetPasswordConfirmation", reset.Headers.Location?.OriginalString);
        Assert.StartsWith("/Identity/Account/Login", (await client.GetAsync("/Reviews")).Headers.Location?.AbsolutePath);
        Assert.NotEqual(before.SecurityStamp, (await portal.UserAsync(DemoAccounts.Preceptor)).SecurityStamp);
        var signIn = await client.SignInAsync(DemoAccounts.Preceptor, NewPassword);
        Assert.StartsWith("/Identity/Account/LoginWith2fa", signIn.Headers.Location?.OriginalString);
    }

    private static string ReauthenticateUrl(string returnUrl) => $"{RecentSignIn.ReauthenticatePage}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    private Task<List<Guid>> SessionIdsAsync(string userId) =>
        portal.WithDbAsync(db => db.SignInSessions.Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync());
}
