using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Matching;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Cases;
using static TrainingNetwork.Web.Tests.Pages.Coordination.CoordinationTestData;

namespace TrainingNetwork.Web.Tests.Pages.Coordination;

/// <summary>Accepted placements on the coordinator's queue: marking them completed, and refused decisions shown on their card.</summary>
public sealed class PlacementCompletionTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Unplaced = "trainee01@trainingnetwork.test"; // practises in MO, like Gateway; no placement

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Coordinator_sees_the_physicians_training_now_with_their_category()
    {
        var queue = await (await portal.SignedInAsync(DemoAccounts.Coordinator)).GetDocumentAsync("/Coordination/Placements");

        var row = Assert.Single(queue.QuerySelectorAll(".current-placements tbody tr"));
        Assert.Equal("Dr. Kwame Mensah", row.QuerySelector("th")!.TextContent);
        Assert.Equal("G3", row.QuerySelector(".placement-category")!.TextContent);
        Assert.NotNull(row.QuerySelector("form[action*='handler=Complete']"));
    }

    [Fact]
    public async Task Marking_a_placement_completed_saves_and_audits_it()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);
        var queue = await client.GetDocumentAsync("/Coordination/Placements");
        var id = PlacementId(queue);

        var response = await client.SubmitAsync(queue, ".current-placements form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PlacementStatus.Completed, await StatusOfAsync(id));
        var audit = Assert.Single(await portal.AuditOfAsync(AuditAction.PlacementDecided));
        Assert.Equal(("placement", id.ToString(), "Placement completed"), (audit.SubjectType, audit.SubjectId, audit.Summary));
        var after = await client.GetDocumentAsync("/Coordination/Placements");
        Assert.Contains("The placement was marked completed.", after.Body!.TextContent);
        Assert.Contains("No physician is training at your centers right now.", after.QuerySelector("section[aria-labelledby='current-heading']")!.TextContent);
    }

    [Fact]
    public async Task Completing_frees_the_place_for_the_next_physician_on_the_waitlist()
    {
        // Gateway full in G3: its one slot is trainee14's.
        await portal.ChangeAsync(async db =>
            (await db.Centers.Include(c => c.Capacities).SingleAsync(c => c.Name == Gateway)).SetCategoryCapacity(Guid.NewGuid(), "G3", 1, 8));
        var entry = await portal.JoinWaitlistAsync(Unplaced, "G3");
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);
        var queue = await client.GetDocumentAsync("/Coordination/Placements");

        await client.SubmitAsync(queue, ".current-placements form", new Dictionary<string, string>());

        var offered = await portal.WaitlistEntryAsync(entry);
        Assert.Equal(WaitlistStatus.Offered, offered.Status);
        Assert.Equal(await portal.CenterIdAsync(Gateway), offered.OfferedCenterId);
        Assert.Contains("1 place(s) were offered", (await client.GetDocumentAsync("/Coordination/Placements")).Body!.TextContent);
    }

    [Fact]
    public async Task Completing_twice_changes_nothing_the_second_time()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);
        var queue = await client.GetDocumentAsync("/Coordination/Placements");
        var id = PlacementId(queue);
        await client.SubmitAsync(queue, ".current-placements form", new Dictionary<string, string>());

        var again = await client.SubmitAsync(queue, ".current-placements form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("This placement was already completed.", (await client.GetDocumentAsync("/Coordination/Placements")).Body!.TextContent);
        Assert.Single(await portal.AuditOfAsync(AuditAction.PlacementDecided));
        Assert.Equal(PlacementStatus.Completed, await StatusOfAsync(id));
    }

    [Fact]
    public async Task A_coordinator_of_another_center_cannot_complete_a_placement()
    {
        var id = PlacementId(await (await portal.SignedInAsync(DemoAccounts.Coordinator)).GetDocumentAsync("/Coordination/Placements"));
        var other = await portal.SignedInAsync(BluegrassCoordinator);
        var otherQueue = await other.GetDocumentAsync("/Coordination/Placements");

        var response = await other.PostAsync("/Coordination/Placements?handler=Complete", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = otherQueue.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
            ["Input.PlacementId"] = id.ToString(),
        }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(PlacementStatus.Accepted, await StatusOfAsync(id));
    }

    [Fact]
    public async Task A_decline_without_a_reason_shows_the_message_on_its_field_and_keeps_the_request()
    {
        var client = await portal.SignedInAsync(BluegrassCoordinator);
        var queue = await client.GetDocumentAsync("/Coordination/Placements");
        var card = queue.QuerySelector("article[data-placement]")!;
        var id = Guid.Parse(card.GetAttribute("data-placement")!);

        var response = await client.SubmitAsync(queue, "form[action*='handler=Decline']", new Dictionary<string, string> { ["Input.Reason"] = "  " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        var refused = page.QuerySelector($"article[data-placement='{id}']")!;
        Assert.Equal("Give the physician a reason for declining.", refused.QuerySelector(".field-error")!.TextContent);
        Assert.Equal("true", refused.QuerySelector<IHtmlInputElement>("input[name='Input.Reason']")!.GetAttribute("aria-invalid"));
        Assert.Contains("Give the physician a reason for declining.", page.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal(PlacementStatus.Requested, await StatusOfAsync(id));
    }

    [Fact]
    public async Task An_accept_with_a_past_start_date_shows_the_message_on_its_field()
    {
        var client = await portal.SignedInAsync(BluegrassCoordinator);
        var queue = await client.GetDocumentAsync("/Coordination/Placements");
        var id = PlacementId(queue, "article[data-placement]");

        var response = await client.SubmitAsync(queue, "form[action*='handler=Accept']",
            new Dictionary<string, string> { ["Input.StartsOn"] = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd") });

        var refused = (await HtmlForms.ParseAsync(response)).QuerySelector($"article[data-placement='{id}']")!;
        Assert.Equal("Choose a start date from today on.", refused.QuerySelector(".field-error")!.TextContent);
        Assert.Equal(PlacementStatus.Requested, await StatusOfAsync(id));
    }

    private static Guid PlacementId(IHtmlDocument queue, string selector = ".current-placements tr[data-placement]") =>
        Guid.Parse(queue.QuerySelector(selector)!.GetAttribute("data-placement")!);

    private Task<PlacementStatus> StatusOfAsync(Guid id) =>
        portal.QueryAsync(db => db.Placements.Where(p => p.Id == id).Select(p => p.Status).SingleAsync());
}
