using System.Net;
using Npgsql;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages.Reviews;

public sealed class ReviewQueueTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> PreceptorPages => ["/Reviews", $"/Reviews/Case/{Guid.Empty}", "/Preceptor/Authorizations"];

    [Theory]
    [MemberData(nameof(PreceptorPages))]
    public async Task Anonymous_visitor_is_sent_to_sign_in(string path)
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(PreceptorPages))]
    public async Task Physician_is_refused(string path)
    {
        var client = await portal.SignedInAsync(ReviewData.Physician);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Queue_holds_exactly_the_submitted_cases_supervised_at_own_centers_oldest_first()
    {
        var preceptor = await portal.UserIdAsync(ReviewData.Preceptor);
        var physician = await portal.UserIdAsync(ReviewData.Physician);
        await portal.SubmitDemoDraftAsync();
        // Supervised by this preceptor, but at a center whose roster they are not on.
        var elsewhere = await portal.AddSubmittedCaseAsync(physician, preceptor, ReviewData.Lakeshore, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3));
        var client = await portal.SignedInAsync(ReviewData.Preceptor);

        var page = await client.GetDocumentAsync("/Reviews");

        var shown = page.QuerySelectorAll("#queue tbody tr").Select(row => Guid.Parse(row.GetAttribute("data-case")!)).ToList();
        Assert.Equal(await WaitingBySqlAsync(ReviewData.Preceptor), shown);
        Assert.Equal(2, shown.Count);
        Assert.DoesNotContain(elsewhere, shown);
        Assert.Equal("2", page.QuerySelector("#waiting-count")!.TextContent);
        var first = page.QuerySelector("#queue tbody tr")!;
        Assert.Contains("Dr. ", first.Children[0].TextContent);
        Assert.Contains("Lu-177 dotatate (Lutathera)", first.TextContent);
        Assert.Contains("7,400", first.TextContent);
        Assert.Null(page.QuerySelector("#review-gate"));
    }

    [Fact]
    public async Task Preceptor_with_nothing_waiting_sees_an_empty_state()
    {
        var client = await portal.SignedInAsync("preceptor1.lakeshore@trainingnetwork.test");

        var page = await client.GetDocumentAsync("/Reviews");

        Assert.Equal("Case reviews", page.Heading());
        Assert.Contains("No cases are waiting for you.", page.QuerySelector(".empty-state")!.TextContent);
        Assert.Null(page.QuerySelector("#queue"));
        Assert.Empty(await WaitingBySqlAsync("preceptor1.lakeshore@trainingnetwork.test"));
    }

    [Fact]
    public async Task Unverified_preceptor_is_told_plainly_and_pointed_to_their_listings()
    {
        var (email, _) = await portal.AddUnverifiedPreceptorAsync();
        var client = await portal.SignedInAsync(email);

        var page = await client.GetDocumentAsync("/Reviews");

        var gate = page.QuerySelector("#review-gate")!;
        Assert.Contains("You cannot review cases yet", gate.TextContent);
        Assert.NotNull(gate.QuerySelector("a[href='/Preceptor/Authorizations']"));
    }

    /// <summary>The queue's rule written independently in SQL: submitted, supervised by them, at a center they precept for.</summary>
    private async Task<List<Guid>> WaitingBySqlAsync(string email)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT c.id FROM cases c
            JOIN "AspNetUsers" u ON u.id = c.supervisor_user_id
            JOIN trainees t ON t.id = c.trainee_id
            WHERE u.email = @email AND c.status = @status AND t.user_id <> u.id
              AND EXISTS (SELECT 1 FROM center_memberships m WHERE m.center_id = c.center_id AND m.user_id = u.id AND m.role = 'Preceptor')
            ORDER BY c.submitted_at, c.id
            """,
            connection);
        command.Parameters.AddWithValue("email", email);
        command.Parameters.AddWithValue("status", nameof(CaseStatus.Submitted));
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
