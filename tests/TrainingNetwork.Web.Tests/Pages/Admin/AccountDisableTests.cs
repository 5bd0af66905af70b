using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Reviews;
using TrainingNetwork.Web.Tests.Pages.Training;

namespace TrainingNetwork.Web.Tests.Pages.Admin;

public sealed class AccountDisableTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Disabling_signs_the_person_out_at_once_and_keeps_them_out()
    {
        var physician = await portal.SignedInAsync(DemoAccounts.Trainee);
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);
        var (userId, stampBefore) = await AccountAsync(DemoAccounts.Trainee);
        var page = await admin.GetDocumentAsync($"/Admin/Account/{userId}");
        Assert.Contains("Signed in now on 1 browser.", page.QuerySelector("#access-state")!.TextContent, StringComparison.Ordinal);

        var response = await admin.SubmitAsync(page, "form#disable-account", new Dictionary<string, string>());

        Assert.Equal($"/Admin/Account/{userId}", response.Headers.Location?.OriginalString);
        var redirect = await physician.GetAsync("/Progress");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/Identity/Account/Login", redirect.Headers.Location?.AbsolutePath);
        var signInAgain = await portal.CreateBrowserLikeClient().SignInAsync(DemoAccounts.Trainee, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, signInAgain.StatusCode);

        var user = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));
        Assert.True(user.IsDisabled());
        Assert.NotEqual(stampBefore, user.SecurityStamp);
        Assert.False(await portal.WithDbAsync(db => db.SignInSessions.AnyAsync(s => s.UserId == userId)));
        var entry = Assert.Single(await AuditEntriesAsync());
        Assert.Equal((AuditAction.AccountDisabled, "account", userId, (await AccountAsync(DemoAccounts.Admin)).Id),
            (entry.Action, entry.SubjectType, entry.SubjectId, entry.ActorUserId));
        Assert.True(await WrittenTogetherAsync(entry.Sequence, userId));
        var after = await admin.GetDocumentAsync($"/Admin/Account/{userId}");
        Assert.StartsWith("Disabled", after.QuerySelector("#access-state")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Signed in now on 0 browsers.", after.QuerySelector("#access-state")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Account disabled", after.QuerySelector("#history tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enabling_again_lets_the_person_sign_in()
    {
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);
        var (userId, _) = await AccountAsync(DemoAccounts.Trainee);
        var url = $"/Admin/Account/{userId}";
        await admin.SubmitAsync(await admin.GetDocumentAsync(url), "form#disable-account", new Dictionary<string, string>());

        var response = await admin.SubmitAsync(await admin.GetDocumentAsync(url), "form#enable-account", new Dictionary<string, string>());

        Assert.Equal(url, response.Headers.Location?.OriginalString);
        var physician = await portal.SignedInAsync(DemoAccounts.Trainee);
        Assert.Equal(HttpStatusCode.OK, (await physician.GetAsync("/Progress")).StatusCode);
        Assert.Equal([AuditAction.AccountDisabled, AuditAction.AccountEnabled], (await AuditEntriesAsync()).Select(e => e.Action));
        Assert.StartsWith("Active", (await admin.GetDocumentAsync(url)).QuerySelector("#access-state")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_cannot_disable_their_own_account()
    {
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);
        var (adminId, _) = await AccountAsync(DemoAccounts.Admin);
        var url = $"/Admin/Account/{adminId}";
        var page = await admin.GetDocumentAsync(url);
        Assert.Null(page.QuerySelector("form#disable-account"));

        var response = await admin.PostWithTokenAsync(page, $"{url}?handler=Disable");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("You cannot disable your own account; another admin can.", (await HtmlForms.ParseAsync(response)).QuerySelector("#access-problem")!.TextContent);
        Assert.False((await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == adminId))).IsDisabled());
        Assert.Empty(await AuditEntriesAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin")).StatusCode);
    }

    [Fact]
    public async Task The_only_active_admin_cannot_be_disabled_by_an_admin_disabled_meanwhile()
    {
        var (secondAdminId, _) = await AccountAsync(DemoAccounts.SecondStaff);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(secondAdminId))!, Roles.Admin);
        }

        var secondAdmin = await portal.SignedInAsync(DemoAccounts.SecondStaff);
        var (adminId, _) = await AccountAsync(DemoAccounts.Admin);
        var url = $"/Admin/Account/{adminId}";
        var page = await secondAdmin.GetDocumentAsync(url);
        // Another admin disables this one while the page is open; their session's row is kept, so the request still runs.
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == secondAdminId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.MaxValue).SetProperty(x => x.LockoutEnabled, true)));

        var response = await secondAdmin.SubmitAsync(page, "form#disable-account", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("This is the network's only admin: invite another admin first.", (await HtmlForms.ParseAsync(response)).QuerySelector("#access-problem")!.TextContent);
        Assert.False((await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == adminId))).IsDisabled());
        Assert.Empty(await AuditEntriesAsync());
    }

    [Fact]
    public async Task Disabling_a_disabled_account_or_enabling_an_active_one_is_refused_with_a_message()
    {
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);
        var (userId, _) = await AccountAsync(DemoAccounts.Trainee);
        var url = $"/Admin/Account/{userId}";
        var page = await admin.GetDocumentAsync(url);

        var enable = await admin.PostWithTokenAsync(page, $"{url}?handler=Enable");
        await admin.SubmitAsync(page, "form#disable-account", new Dictionary<string, string>());
        var disableAgain = await admin.PostWithTokenAsync(page, $"{url}?handler=Disable");

        Assert.Equal("The account of Dr. Kwame Mensah is not disabled.", await AccessProblemAsync(enable));
        Assert.Equal("The account of Dr. Kwame Mensah is already disabled.", await AccessProblemAsync(disableAgain));
        Assert.Equal([AuditAction.AccountDisabled], (await AuditEntriesAsync()).Select(e => e.Action));
    }

    [Theory]
    [InlineData(DemoAccounts.Staff)]
    [InlineData(DemoAccounts.Coordinator)]
    [InlineData(DemoAccounts.Trainee)]
    public async Task Only_admins_may_disable_accounts(string email)
    {
        var (userId, _) = await AccountAsync(DemoAccounts.SecondStaff);
        var url = $"/Admin/Account/{userId}";
        var adminPage = await (await portal.SignedInAsync(DemoAccounts.Admin)).GetDocumentAsync(url);
        var other = await portal.SignedInAsync(email);
        var ownPage = await other.GetDocumentAsync("/Account/Sessions");

        var response = await other.PostWithTokenAsync(ownPage, $"{url}?handler=Disable");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Identity/Account/AccessDenied", response.Headers.Location?.AbsolutePath);
        Assert.NotNull(adminPage.QuerySelector("form#disable-account"));
        Assert.False((await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId))).IsDisabled());
        Assert.Empty(await AuditEntriesAsync());
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_unknown_accounts_are_not_found()
    {
        var (userId, _) = await AccountAsync(DemoAccounts.Trainee);
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);
        var page = await admin.GetDocumentAsync($"/Admin/Account/{userId}");

        var anonymous = await portal.CreateBrowserLikeClient().GetAsync($"/Admin/Account/{userId}");
        var unknown = await admin.PostWithTokenAsync(page, "/Admin/Account/no-such-account?handler=Disable");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/Identity/Account/Login", anonymous.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<(string Id, string? SecurityStamp)> AccountAsync(string email)
    {
        var user = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        return (user.Id, user.SecurityStamp);
    }

    private Task<List<AuditEntry>> AuditEntriesAsync() =>
        portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync());

    /// <summary>Whether the audit entry and the account row were written by one transaction (one save).</summary>
    private Task<bool> WrittenTogetherAsync(long sequence, string userId) =>
        portal.WithDbAsync(db => db.Database.SqlQuery<bool>(
                $"SELECT (SELECT xmin::text FROM audit_entries WHERE sequence = {sequence}) = (SELECT xmin::text FROM \"AspNetUsers\" WHERE id = {userId}) AS \"Value\"")
            .SingleAsync());

    private static async Task<string?> AccessProblemAsync(HttpResponseMessage response) =>
        (await HtmlForms.ParseAsync(response)).QuerySelector("#access-problem")?.TextContent;
}
