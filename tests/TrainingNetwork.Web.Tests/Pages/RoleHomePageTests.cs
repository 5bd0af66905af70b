using System.Net;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages;

public sealed class RoleHomePageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string, string> DemoSignIns => new()
    {
        { DemoAccounts.Trainee, "/Progress", "My progress" },
        { DemoAccounts.Preceptor, "/Reviews", "Case reviews" },
        { DemoAccounts.Coordinator, "/Coordination", "My center" },
        { DemoAccounts.Staff, "/Network", "Network overview" },
        { DemoAccounts.Admin, "/Admin", "Administration" },
    };

    public static TheoryData<string> RolePages => ["/Progress", "/Reviews", "/Coordination", "/Network", "/Admin"];

    [Theory]
    [MemberData(nameof(DemoSignIns))]
    public async Task Demo_sign_in_lands_on_the_roles_home_page(string email, string homePath, string heading)
    {
        var client = portal.CreateBrowserLikeClient();

        var signIn = await client.SignInAsync(email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);

        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(homePath, home.Headers.Location?.OriginalString);

        var page = await client.GetDocumentAsync(homePath);
        Assert.Equal(heading, page.Heading());
    }

    [Theory]
    [MemberData(nameof(RolePages))]
    public async Task Anonymous_visitor_is_sent_to_sign_in(string path)
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("/Reviews")]
    [InlineData("/Coordination")]
    [InlineData("/Network")]
    [InlineData("/Admin")]
    public async Task Trainee_is_refused_other_roles_pages(string path)
    {
        var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Trainee, DemoAccounts.Password);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Staff_cannot_open_administration()
    {
        var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Staff, DemoAccounts.Password);

        var response = await client.GetAsync("/Admin");

        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Coordinator_sees_only_their_own_center()
    {
        var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);

        var page = await client.GetDocumentAsync("/Coordination");

        var centers = page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Gateway Theranostics Center"], centers);
    }

    [Fact]
    public async Task Preceptor_sees_only_cases_they_supervise()
    {
        var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Preceptor, DemoAccounts.Password);

        var page = await client.GetDocumentAsync("/Reviews");

        var waiting = page.QuerySelectorAll("main table tbody tr").Length;
        var expected = await CountSubmittedCasesSupervisedByAsync(DemoAccounts.Preceptor);
        Assert.True(expected > 0, "The demo preceptor should have cases waiting.");
        Assert.Equal(expected, waiting);
    }

    private async Task<long> CountSubmittedCasesSupervisedByAsync(string email)
    {
        await using var connection = new Npgsql.NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            """SELECT count(*) FROM cases c JOIN "AspNetUsers" u ON u.id = c.supervisor_user_id WHERE u.email = @email AND c.status = 'Submitted'""", connection);
        command.Parameters.AddWithValue("email", email);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
