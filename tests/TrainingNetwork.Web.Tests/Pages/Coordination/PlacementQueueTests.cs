using System.Net;
using Npgsql;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages.Coordination;

public sealed class PlacementQueueTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string BluegrassCoordinator = "coordinator.bluegrass@trainingnetwork.test";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Coordinator_sees_only_their_centers_open_requests()
    {
        var gateway = await portal.SignedInAsync(DemoAccounts.Coordinator);
        var bluegrass = await portal.SignedInAsync(BluegrassCoordinator);

        var gatewayQueue = await gateway.GetDocumentAsync("/Coordination/Placements");
        var bluegrassQueue = await bluegrass.GetDocumentAsync("/Coordination/Placements");

        Assert.Empty(gatewayQueue.QuerySelectorAll("article[data-placement]"));
        Assert.Single(bluegrassQueue.QuerySelectorAll("article[data-placement]"));
    }

    [Fact]
    public async Task Accepting_with_a_start_date_places_the_physician()
    {
        var client = await portal.SignedInAsync(BluegrassCoordinator);
        var queue = await client.GetDocumentAsync("/Coordination/Placements");
        var id = PlacementId(queue);

        var response = await client.SubmitAsync(queue, "form[action*='handler=Accept']", new Dictionary<string, string>
        {
            ["Input.StartsOn"] = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd"),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Accepted", await StatusOfAsync(id));
    }

    [Fact]
    public async Task Declining_without_a_reason_is_refused_and_changes_nothing()
    {
        var client = await portal.SignedInAsync(BluegrassCoordinator);
        var queue = await client.GetDocumentAsync("/Coordination/Placements");
        var id = PlacementId(queue);

        var response = await client.SubmitAsync(queue, "form[action*='handler=Decline']", new Dictionary<string, string> { ["Input.Reason"] = " " });

        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("Give the physician a reason for declining.", page.Body!.TextContent);
        Assert.Equal("Requested", await StatusOfAsync(id));
    }

    [Fact]
    public async Task Declining_with_a_reason_shows_it_to_the_physician_record()
    {
        var client = await portal.SignedInAsync(BluegrassCoordinator);
        var queue = await client.GetDocumentAsync("/Coordination/Placements");
        var id = PlacementId(queue);

        await client.SubmitAsync(queue, "form[action*='handler=Decline']", new Dictionary<string, string> { ["Input.Reason"] = "No Ra-223 capacity until March." });

        Assert.Equal("Declined", await StatusOfAsync(id));
    }

    [Fact]
    public async Task A_coordinator_of_another_center_cannot_decide_a_request()
    {
        var bluegrassQueue = await (await portal.SignedInAsync(BluegrassCoordinator)).GetDocumentAsync("/Coordination/Placements");
        var id = PlacementId(bluegrassQueue);
        var other = await portal.SignedInAsync(DemoAccounts.Coordinator);
        var otherQueue = await other.GetDocumentAsync("/Coordination/Placements");
        var token = otherQueue.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var response = await other.PostAsync("/Coordination/Placements?handler=Accept", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.PlacementId"] = id.ToString(),
            ["Input.StartsOn"] = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd"),
        }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Requested", await StatusOfAsync(id));
    }

    [Fact]
    public async Task A_trainee_cannot_open_the_queue()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Trainee);

        var response = await client.GetAsync("/Coordination/Placements");

        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
    }


    private static Guid PlacementId(AngleSharp.Dom.IDocument queue) =>
        Guid.Parse(queue.QuerySelector("article[data-placement]")!.GetAttribute("data-placement")!);

    private async Task<string> StatusOfAsync(Guid placementId)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT status FROM placements WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", placementId);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
