using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using CaseLog = TrainingNetwork.Web.Tests.Pages.Cases.CaseLog;
using TrainingNetwork.Web.Tests.Pages.Training;

namespace TrainingNetwork.Web.Tests.Pages.Admin;

public sealed partial class AdminAccountsTests(MailPortalFactory portal) : IClassFixture<MailPortalFactory>, IAsyncLifetime
{
    private const string NewStaff = "dr.new.staff@example.org";
    private const string NewPassword = "a long new password";
    private const string Physician = "trainee20@trainingnetwork.test";

    private static readonly string[] PhysicianAndPreceptorRoles = ["Roles.Trainee", "Roles.Preceptor"];

    public static TheoryData<string> AdminPages => ["/Admin", "/Admin/Invite", "/Admin/Account/{staff}"];

    // The pickup folder outlives a reset: each test reads only the mail sent since it started.
    private DateTimeOffset _started;

    public async Task InitializeAsync()
    {
        await portal.ResetAsync();
        _started = DateTimeOffset.UtcNow;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Inviting_a_new_address_creates_staff_who_set_a_password_from_the_mail_and_reach_the_network_pages()
    {
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);

        var response = await InviteAsync(admin, NewStaff, "Dr. Sam Newhire", Roles.Staff);

        var (user, roles) = await AccountAsync(NewStaff);
        Assert.Equal($"/Admin/Account/{user.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("Dr. Sam Newhire", true, null), (user.FullName, user.EmailConfirmed, user.PasswordHash));
        Assert.Equal([Roles.Staff], roles);
        var status = (await admin.GetDocumentAsync(response.Headers.Location!.OriginalString)).QuerySelector("[role='status']")!.TextContent;
        Assert.Contains("Dr. Sam Newhire was invited as network staff", status, StringComparison.Ordinal);

        var entry = Assert.Single(await AuditEntriesAsync());
        Assert.Equal((AuditAction.AccountInvited, "account", user.Id, await portal.UserIdAsync(DemoAccounts.Admin)),
            (entry.Action, entry.SubjectType, entry.SubjectId, entry.ActorUserId));
        Assert.Equal((null, RolesHash(Roles.Staff)), (entry.BeforeSha256, entry.AfterSha256));
        var transaction = await XminAsync("SELECT xmin::text FROM audit_entries WHERE sequence = $1", entry.Sequence);
        Assert.Equal(transaction, await XminAsync("SELECT xmin::text FROM \"AspNetUsers\" WHERE id = $1", user.Id));
        Assert.Equal(transaction, await RoleRowXminAsync(user.Id, Roles.Staff));

        var mail = Assert.Single(MailTo(NewStaff));
        Assert.Equal("Invitation: network staff on TrainingNetwork", mail.Subject);
        var invitee = portal.CreateBrowserLikeClient();
        var link = new Uri(Assert.Single((await invitee.GetDocumentAsync($"/Dev/Message/{mail.Id}")).QuerySelectorAll("a.mail-link")).GetAttribute("href")!);
        Assert.Equal("/Identity/Account/ResetPassword", link.AbsolutePath);
        var reset = await invitee.SubmitAsync(await invitee.GetDocumentAsync(link.PathAndQuery), "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = NewStaff,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal("/Identity/Account/ResetPasswordConfirmation", reset.Headers.Location?.OriginalString);
        await invitee.SignInAsync(NewStaff, NewPassword);
        Assert.Equal("/Network", (await invitee.GetAsync("/")).Headers.Location?.OriginalString);
        Assert.Equal(MfaEnforcement.EnrolmentPage, (await invitee.GetAsync("/Network/Audit")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Inviting_an_existing_account_as_admin_adds_the_role_and_tells_them_by_mail()
    {
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);

        var response = await InviteAsync(admin, DemoAccounts.Staff.ToUpperInvariant(), "", Roles.Admin);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (user, roles) = await AccountAsync(DemoAccounts.Staff);
        Assert.Equal([Roles.Admin, Roles.Staff], roles);
        Assert.Equal("You are now an administrator on TrainingNetwork", Assert.Single(MailTo(DemoAccounts.Staff)).Subject);
        var entry = Assert.Single(await AuditEntriesAsync());
        Assert.Equal((AuditAction.RoleGranted, user.Id), (entry.Action, entry.SubjectId));
        Assert.Equal((RolesHash(Roles.Staff), RolesHash(Roles.Admin, Roles.Staff)), (entry.BeforeSha256, entry.AfterSha256));
        Assert.Equal(await XminAsync("SELECT xmin::text FROM audit_entries WHERE sequence = $1", entry.Sequence), await RoleRowXminAsync(user.Id, Roles.Admin));
    }

    [Fact]
    public async Task Inviting_someone_who_already_has_the_role_is_refused()
    {
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);

        var response = await InviteAsync(admin, DemoAccounts.SecondStaff, "", Roles.Staff);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Casey Morgan (network staff) already has the Network staff role.", CaseLog.FieldError(await HtmlForms.ParseAsync(response), "Input.Email"));
        Assert.Empty(await AuditEntriesAsync());
        Assert.Empty(MailTo(DemoAccounts.SecondStaff));
    }

    [Theory]
    [InlineData("not an address", "Dr. Nobody", Roles.Staff, "Input.Email", "Enter a valid e-mail address.")]
    [InlineData("", "Dr. Nobody", Roles.Staff, "Input.Email", "Enter the person's e-mail address.")]
    [InlineData(NewStaff, "", Roles.Staff, "Input.FullName", "Enter the person's full name: this address has no account yet.")]
    [InlineData(NewStaff, "<script>alert(1)</script>", Roles.Admin, "Input.FullName", "Remove angle-bracket markup such as <script>.")]
    [InlineData(NewStaff, "Dr. Nobody", Roles.Trainee, "Input.Role", "Choose network staff or administrator.")]
    [InlineData(NewStaff, "Dr. Nobody", Roles.CenterCoordinator, "Input.Role", "Choose network staff or administrator.")]
    public async Task Bad_invitation_is_refused_with_a_message_and_saves_nothing(string address, string name, string role, string field, string message)
    {
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);

        var response = await InviteAsync(admin, address, name, role);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal(message, CaseLog.FieldError(page, field));
        Assert.Equal(address, page.QuerySelector<IHtmlInputElement>("#Input_Email")!.Value);
        Assert.False(await portal.QueryAsync(db => db.Users.AnyAsync(u => u.Email == NewStaff)));
        Assert.Empty(await AuditEntriesAsync());
        Assert.Empty(MailTo(NewStaff));
    }

    [Fact]
    public async Task Granting_a_role_writes_it_with_its_audit_entry_in_one_transaction()
    {
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);
        var (physician, _) = await AccountAsync(Physician);
        var page = await admin.GetDocumentAsync($"/Admin/Account/{physician.Id}");

        var response = await admin.SubmitAsync(page, "tr[data-role='Preceptor'] form", new Dictionary<string, string>());

        Assert.Equal($"/Admin/Account/{physician.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal([Roles.Preceptor, Roles.Trainee], (await AccountAsync(Physician)).Roles);
        var entry = Assert.Single(await AuditEntriesAsync());
        Assert.Equal((AuditAction.RoleGranted, "account", physician.Id), (entry.Action, entry.SubjectType, entry.SubjectId));
        Assert.Equal((RolesHash(Roles.Trainee), RolesHash(Roles.Preceptor, Roles.Trainee)), (entry.BeforeSha256, entry.AfterSha256));
        Assert.Equal(await XminAsync("SELECT xmin::text FROM audit_entries WHERE sequence = $1", entry.Sequence), await RoleRowXminAsync(physician.Id, Roles.Preceptor));
        var after = await admin.GetDocumentAsync($"/Admin/Account/{physician.Id}");
        Assert.Equal("Yes", after.QuerySelector("tr[data-role='Preceptor'] .held")!.TextContent);
        Assert.Contains("Preceptor role granted to", after.QuerySelector("#history tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_a_role_writes_the_change_with_its_audit_entry_in_one_transaction()
    {
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);
        var (staff, _) = await AccountAsync(DemoAccounts.Staff);
        var page = await admin.GetDocumentAsync($"/Admin/Account/{staff.Id}");

        var response = await admin.SubmitAsync(page, "tr[data-role='Staff'] form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty((await AccountAsync(DemoAccounts.Staff)).Roles);
        var entry = Assert.Single(await AuditEntriesAsync());
        Assert.Equal((AuditAction.RoleRevoked, staff.Id, "Network staff role revoked from Jordan Blake (network staff)"), (entry.Action, entry.SubjectId, entry.Summary));
        Assert.Equal((RolesHash(Roles.Staff), RolesHash()), (entry.BeforeSha256, entry.AfterSha256));
        // The removal updates the account's security stamp in the same save as the entry.
        Assert.Equal(
            await XminAsync("SELECT xmin::text FROM audit_entries WHERE sequence = $1", entry.Sequence),
            await XminAsync("SELECT xmin::text FROM \"AspNetUsers\" WHERE id = $1", staff.Id));
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Admin)]
    public async Task Account_page_never_grants_staff_or_admin_and_links_to_the_invitation(string role)
    {
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);
        var (physician, _) = await AccountAsync(Physician);
        var url = $"/Admin/Account/{physician.Id}";
        var page = await admin.GetDocumentAsync(url);

        var response = await admin.PostWithTokenAsync(page, $"{url}?handler=Grant", new Dictionary<string, string> { ["role"] = role });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("given by invitation only", (await HtmlForms.ParseAsync(response)).QuerySelector("#role-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([Roles.Trainee], (await AccountAsync(Physician)).Roles);
        Assert.Empty(await AuditEntriesAsync());
        Assert.Null(page.QuerySelector($"tr[data-role='{role}'] form"));
        Assert.Equal($"/Admin/Invite?email={Physician}&role={role}",
            page.QuerySelector($"tr[data-role='{role}'] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Account_without_a_physician_profile_cannot_be_made_a_physician_in_training()
    {
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);
        var (staff, _) = await AccountAsync(DemoAccounts.Staff);
        var url = $"/Admin/Account/{staff.Id}";
        var page = await admin.GetDocumentAsync(url);

        var response = await admin.PostWithTokenAsync(page, $"{url}?handler=Grant", new Dictionary<string, string> { ["role"] = Roles.Trainee });

        Assert.StartsWith("Physicians register themselves", (await HtmlForms.ParseAsync(response)).QuerySelector("#role-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("tr[data-role='Trainee'] form"));
        Assert.Equal([Roles.Staff], (await AccountAsync(DemoAccounts.Staff)).Roles);
        Assert.Empty(await AuditEntriesAsync());
    }

    [Fact]
    public async Task Admin_cannot_remove_their_own_admin_role()
    {
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);
        var (self, _) = await AccountAsync(DemoAccounts.Admin);
        var url = $"/Admin/Account/{self.Id}";
        var page = await admin.GetDocumentAsync(url);

        var response = await admin.PostWithTokenAsync(page, $"{url}?handler=Revoke", new Dictionary<string, string> { ["role"] = Roles.Admin });

        Assert.Equal("You cannot remove your own Admin role; another admin can.", (await HtmlForms.ParseAsync(response)).QuerySelector("#role-problem")!.TextContent);
        Assert.Null(page.QuerySelector("tr[data-role='Admin'] form"));
        Assert.Equal([Roles.Admin, Roles.Staff], (await AccountAsync(DemoAccounts.Admin)).Roles);
        Assert.Empty(await AuditEntriesAsync());
    }

    [Fact]
    public async Task Last_admin_keeps_the_role_even_against_an_admin_whose_role_was_just_removed()
    {
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);
        await InviteAsync(admin, DemoAccounts.Staff, "", Roles.Admin);
        var formerAdmin = await portal.SignedInAsync(DemoAccounts.Staff);
        var (staff, _) = await AccountAsync(DemoAccounts.Staff);
        var staffPage = await admin.GetDocumentAsync($"/Admin/Account/{staff.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(staffPage, "tr[data-role='Admin'] form", new Dictionary<string, string>())).StatusCode);

        // The sign-in cookie still carries the Admin role until the security stamp is checked again.
        var (last, _) = await AccountAsync(DemoAccounts.Admin);
        var url = $"/Admin/Account/{last.Id}";
        var page = await formerAdmin.GetDocumentAsync(url);
        var response = await formerAdmin.PostWithTokenAsync(page, $"{url}?handler=Revoke", new Dictionary<string, string> { ["role"] = Roles.Admin });

        Assert.Equal("This is the network's only admin: invite another admin first.", (await HtmlForms.ParseAsync(response)).QuerySelector("#role-problem")!.TextContent);
        Assert.Equal([Roles.Admin, Roles.Staff], (await AccountAsync(DemoAccounts.Admin)).Roles);
        Assert.Equal([AuditAction.RoleGranted, AuditAction.RoleRevoked], (await AuditEntriesAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task Two_admins_removing_each_other_at_once_leave_one_admin()
    {
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);
        await InviteAsync(admin, DemoAccounts.Staff, "", Roles.Admin);
        var second = await portal.SignedInAsync(DemoAccounts.Staff);
        var (adminUser, _) = await AccountAsync(DemoAccounts.Admin);
        var (staffUser, _) = await AccountAsync(DemoAccounts.Staff);
        var adminSees = await admin.GetDocumentAsync($"/Admin/Account/{staffUser.Id}");
        var secondSees = await second.GetDocumentAsync($"/Admin/Account/{adminUser.Id}");

        var responses = await Task.WhenAll(
            admin.SubmitAsync(adminSees, "tr[data-role='Admin'] form", new Dictionary<string, string>()),
            second.SubmitAsync(secondSees, "tr[data-role='Admin'] form", new Dictionary<string, string>()));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Redirect], responses.Select(r => r.StatusCode).Order());
        Assert.Single(await portal.QueryAsync(async db =>
            await db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)).ToListAsync()));
        Assert.Single(await AuditEntriesAsync(), e => e.Action == AuditAction.RoleRevoked);
    }

    [Fact]
    public async Task Accounts_are_searched_by_name_or_email_and_filtered_by_role_in_the_query()
    {
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);

        Assert.Equal(10, (await AccountRowsAsync(admin, "/Admin?q=TRAINEE1")).Count);
        Assert.Equal([DemoAccounts.Staff], await AccountRowsAsync(admin, "/Admin?q=jordan%20blake"));
        Assert.Empty(await AccountRowsAsync(admin, "/Admin?q=%25"));
        Assert.Equal([DemoAccounts.SecondStaff, DemoAccounts.Staff, DemoAccounts.Admin], await AccountRowsAsync(admin, "/Admin?role=Staff"));
        Assert.Equal([DemoAccounts.Staff], await AccountRowsAsync(admin, "/Admin?role=Staff&q=jordan"));
        var bad = await admin.GetDocumentAsync("/Admin?role=Owner");
        Assert.Equal("Choose a role from the list.", bad.QuerySelector("#role-problem")!.TextContent);
        Assert.Null(bad.QuerySelector("#accounts"));
    }

    [Fact]
    public async Task Accounts_are_listed_fifty_to_a_page()
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            for (var i = 0; i < 10; i++)
            {
                Assert.True((await users.CreateAsync(Invitations.NewAccount($"zz.paging{i}@example.org", $"Zz Paging {i}"))).Succeeded);
            }
        }

        var total = await portal.QueryAsync(db => db.Users.CountAsync());
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);

        var first = await admin.GetDocumentAsync("/Admin");
        var second = await admin.GetDocumentAsync(first.QuerySelector<IHtmlAnchorElement>("a[rel='next']")!.Href);

        Assert.Equal(50, first.QuerySelectorAll("#accounts tbody tr").Length);
        Assert.Equal(total - 50, second.QuerySelectorAll("#accounts tbody tr").Length);
        Assert.Contains("Zz Paging 9", second.QuerySelector("#accounts tbody tr:last-child")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Invited", second.QuerySelector("#accounts tbody tr:last-child .badge")!.TextContent);
    }

    [Fact]
    public async Task Registration_creates_only_a_physician_whatever_extra_fields_are_posted()
    {
        const string email = "dr.ambitious@example.org";

        var response = await MailPortalFactory.RegisterAsync(portal.CreateBrowserLikeClient(), email, new Dictionary<string, string>
        {
            ["Input.Role"] = Roles.Admin,
            ["Input.Roles"] = Roles.Staff,
            ["Input.Roles[0]"] = Roles.Admin,
            ["Role"] = Roles.Admin,
            ["Roles"] = Roles.Staff,
            ["Input.IsAdmin"] = "true",
            ["Input.EmailConfirmed"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (user, roles) = await AccountAsync(email);
        Assert.Equal([Roles.Trainee], roles);
        Assert.False(user.EmailConfirmed);
    }

    [Fact]
    public async Task Only_the_invitation_grants_staff_or_admin()
    {
        // Every other place in the app that adds a role gives a physician or preceptor role, named as a constant.
        // AccountRoles is the admin pages' own; the demo seeder runs in Development only; FirstAdmin is the one-time
        // server command that works only while no administrator exists (FirstAdminTests).
        var elsewhere = SourceFiles().Where(f => RoleGrant().IsMatch(f.Text)
            && f.Path is not ("Pages/Admin/AccountRoles.cs" or "Setup/DemoNetworkSeeder.cs" or "Setup/FirstAdmin.cs")).ToList();
        Assert.Contains(elsewhere, f => f.Path == "Areas/Identity/Pages/Account/Register.cshtml.cs");
        Assert.Contains(elsewhere, f => f.Path == "Pages/Coordination/Roster.cshtml.cs");
        Assert.All(elsewhere, f => Assert.All(RoleGrant().Matches(f.Text), grant => Assert.Contains(grant.Groups["role"].Value, PhysicianAndPreceptorRoles)));
        Assert.Equal(["Roles.Trainee"], RoleArguments("Areas/Identity/Pages/Account/Register.cshtml.cs"));
        Assert.Equal(["Pages/Admin/Account.cshtml.cs", "Pages/Admin/Invite.cshtml.cs"],
            SourceFiles().Where(f => f.Text.Contains(".GrantAsync(", StringComparison.Ordinal)).Select(f => f.Path).Order());

        // The account page's grant refuses Staff and Admin (Account_page_never_grants_staff_or_admin...); the invitation
        // is the one page that gives them.
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await InviteAsync(admin, DemoAccounts.Coordinator, "", Roles.Staff)).StatusCode);
        Assert.Contains(Roles.Staff, (await AccountAsync(DemoAccounts.Coordinator)).Roles);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Staff_member_and_physician_are_refused(string page)
    {
        var url = await UrlAsync(page);

        foreach (var account in new[] { DemoAccounts.Staff, DemoAccounts.Trainee, DemoAccounts.Coordinator })
        {
            var response = await (await portal.SignedInAsync(account)).GetAsync(url);
            Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
        }
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Anonymous_visitor_is_sent_to_sign_in(string page)
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync(await UrlAsync(page));

        Assert.Equal("/Identity/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Staff_member_cannot_post_an_invitation()
    {
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var own = await staff.GetDocumentAsync("/Network/Audit");

        var response = await staff.PostWithTokenAsync(own, "/Admin/Invite", new Dictionary<string, string>
        {
            ["Input.Email"] = NewStaff,
            ["Input.FullName"] = "Dr. Sneaky",
            ["Input.Role"] = Roles.Admin,
        });

        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
        Assert.False(await portal.QueryAsync(db => db.Users.AnyAsync(u => u.Email == NewStaff)));
    }

    [Fact]
    public async Task Unknown_account_gives_404()
    {
        var response = await (await portal.SignedInAsync(DemoAccounts.Admin)).GetAsync($"/Admin/Account/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private List<PickedUpMessage> MailTo(string email) => [.. portal.MailTo(email).Where(m => m.SentAt >= _started)];

    private async Task<string> UrlAsync(string page) => page.Replace("{staff}", await portal.UserIdAsync(DemoAccounts.Staff), StringComparison.Ordinal);

    private static async Task<HttpResponseMessage> InviteAsync(HttpClient client, string address, string name, string role) =>
        await client.SubmitAsync(await client.GetDocumentAsync("/Admin/Invite"), "form#invite", new Dictionary<string, string>
        {
            ["Input.Email"] = address,
            ["Input.FullName"] = name,
            ["Input.Role"] = role,
        });

    private static async Task<List<string>> AccountRowsAsync(HttpClient client, string url) =>
        [.. (await client.GetDocumentAsync(url)).QuerySelectorAll("#accounts tbody tr .email").Select(e => e.TextContent)];

    private async Task<(ApplicationUser User, List<string> Roles)> AccountAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        return (user, [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)]);
    }

    private Task<List<AuditEntry>> AuditEntriesAsync() =>
        portal.QueryAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync());

    /// <summary>The hash the trail keeps for an account's sorted role list.</summary>
    private static string? RolesHash(params string[] roles) =>
        AuditEntry.Record(DateTimeOffset.UnixEpoch, null, AuditAction.RoleGranted, "account", "any", null, roles, "any").AfterSha256;

    private Task<string> RoleRowXminAsync(string userId, string role) =>
        XminAsync("SELECT ur.xmin::text FROM \"AspNetUserRoles\" ur JOIN \"AspNetRoles\" r ON r.id = ur.role_id WHERE ur.user_id = $1 AND r.name = $2", userId, role);

    /// <summary>The id of the transaction that wrote the row: rows written by one save share it.</summary>
    private async Task<string> XminAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static IEnumerable<(string Path, string Text)> SourceFiles([CallerFilePath] string thisFile = "")
    {
        var web = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "..", "src", "TrainingNetwork.Web"));
        return Directory.EnumerateFiles(web, "*.cs*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(web, f).Replace('\\', '/'))
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("Data/Migrations/", StringComparison.Ordinal))
            .Select(f => (f, File.ReadAllText(Path.Combine(web, f))));
    }

    private static List<string> RoleArguments(string path) =>
        [.. RoleGrant().Matches(SourceFiles().Single(f => f.Path == path).Text).Select(m => m.Groups["role"].Value)];

    [GeneratedRegex(@"AddToRoles?Async\([^,]+,\s*(?<role>[^)]+)\)|AddClaims?Async\(|UserRoles\.Add|new IdentityUserRole")]
    private static partial Regex RoleGrant();
}
