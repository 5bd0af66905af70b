using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages.Placements;

public sealed class PlacementTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string ClassroomDone = "trainee07@trainingnetwork.test";
    private const string Requested = "trainee10@trainingnetwork.test"; // requested at Bluegrass
    private const string Waitlisted = "trainee11@trainingnetwork.test";
    private const string Declined = "trainee12@trainingnetwork.test";
    private const string Cascade = "Cascade Radiopharmaceutical Therapy Center";

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/Placements")]
    [InlineData("/Placements/Request")]
    public async Task Anonymous_visitor_is_sent_to_sign_in(string path)
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync($"{path}?centerId={await CenterIdAsync(Cascade)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Request_is_saved_as_requested_and_shown_on_my_placements_and_the_center_page()
    {
        var client = await portal.SignedInAsync(ClassroomDone);
        var cascade = await CenterIdAsync(Cascade);
        var form = await client.GetDocumentAsync($"/Placements/Request?centerId={cascade}");

        var response = await client.SubmitAsync(form, "main form", Start(Today.AddDays(30)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Placements", response.Headers.Location!.OriginalString);
        var saved = Assert.Single(await PlacementsOfAsync(ClassroomDone));
        Assert.Equal((cascade, PlacementStatus.Requested, Today.AddDays(30)), (saved.CenterId, saved.Status, saved.PreferredStart));

        var mine = await client.GetDocumentAsync("/Placements");
        Assert.Contains("was sent to " + Cascade, mine.QuerySelector(".alert-success")!.TextContent);
        var item = Assert.Single(mine.QuerySelectorAll(".placements > li"));
        Assert.Contains(Cascade, item.TextContent);
        Assert.Equal("Requested", item.QuerySelector(".placement-status")!.TextContent.Trim());

        var center = await client.GetDocumentAsync($"/Centers/Details/{cascade}");
        Assert.Equal(["Requested"], center.QuerySelectorAll(".my-placements .placement-status").Select(s => s.TextContent.Trim()));
        Assert.DoesNotContain("Request a placement", center.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Second_open_request_for_the_same_center_is_refused()
    {
        var client = await portal.SignedInAsync(ClassroomDone);
        var cascade = await CenterIdAsync(Cascade);
        var form = await client.GetDocumentAsync($"/Placements/Request?centerId={cascade}");
        var secondTab = await client.GetDocumentAsync($"/Placements/Request?centerId={cascade}");
        await client.SubmitAsync(form, "main form", Start(Today.AddDays(30)));

        // The form sent again from a second tab, opened before the first request was sent.
        var again = await client.SubmitAsync(secondTab, "main form", Start(Today.AddDays(60)));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = await HtmlForms.ParseAsync(again);
        Assert.Contains("You already have an open placement request at " + Cascade, page.QuerySelector(".alert-danger")!.TextContent);
        Assert.Single(await PlacementsOfAsync(ClassroomDone));
    }

    [Fact]
    public async Task Request_page_for_a_center_with_an_open_request_explains_instead_of_offering_the_form()
    {
        var client = await portal.SignedInAsync(Requested);

        var page = await client.GetDocumentAsync($"/Placements/Request?centerId={await CenterIdAsync("Bluegrass Community Oncology")}");

        Assert.Contains("You already have an open placement request", page.QuerySelector(".alert-info")!.TextContent);
        Assert.Null(page.QuerySelector("main form"));
    }

    [Theory]
    [InlineData(-7, "Choose today or a later date.")]
    [InlineData(-1000, "Choose today or a later date.")]
    [InlineData(800, "Choose a date within two years")]
    public async Task Preferred_start_outside_the_next_two_years_is_refused(int daysFromToday, string message)
    {
        var client = await portal.SignedInAsync(ClassroomDone);
        var form = await client.GetDocumentAsync($"/Placements/Request?centerId={await CenterIdAsync(Cascade)}");

        var response = await client.SubmitAsync(form, "main form", Start(Today.AddDays(daysFromToday)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("[data-valmsg-for='Input.PreferredStart']")!.TextContent);
        Assert.Equal(Today.AddDays(daysFromToday).ToString("yyyy-MM-dd"), page.QuerySelector<IHtmlInputElement>("#Input_PreferredStart")!.Value);
        Assert.Empty(await PlacementsOfAsync(ClassroomDone));
    }

    [Theory]
    [InlineData("", "Enter the date you would like to start.")]
    [InlineData("next week", "is not valid")]
    public async Task Missing_or_unreadable_date_is_refused(string value, string message)
    {
        var client = await portal.SignedInAsync(ClassroomDone);
        var form = await client.GetDocumentAsync($"/Placements/Request?centerId={await CenterIdAsync(Cascade)}");

        var response = await client.SubmitAsync(form, "main form", new Dictionary<string, string> { ["Input.PreferredStart"] = value });

        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("[data-valmsg-for='Input.PreferredStart']")!.TextContent);
        Assert.Empty(await PlacementsOfAsync(ClassroomDone));
    }

    [Fact]
    public async Task Unknown_center_is_not_found()
    {
        var client = await portal.SignedInAsync(ClassroomDone);

        var get = await client.GetAsync($"/Placements/Request?centerId={Guid.NewGuid()}");
        var post = await client.PostAsync($"/Placements/Request?centerId={Guid.NewGuid()}", Form(await TokenAsync(client), Start(Today.AddDays(30))));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Empty(await PlacementsOfAsync(ClassroomDone));
    }

    [Fact]
    public async Task Preceptor_cannot_request_a_placement()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Preceptor);
        var url = $"/Placements/Request?centerId={await CenterIdAsync(Cascade)}";

        var get = await client.GetAsync(url);
        var post = await client.PostAsync(url, Form(await TokenAsync(client), Start(Today.AddDays(30))));

        foreach (var response in new[] { get, post })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
        }

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.Placements.CountAsync(p => p.PreferredStart == Today.AddDays(30)));
    }

    [Fact]
    public async Task Preceptor_is_refused_my_placements()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Preceptor);

        var response = await client.GetAsync("/Placements");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task My_placements_show_each_status_with_what_it_means()
    {
        var waitlisted = await (await portal.SignedInAsync(Waitlisted)).GetDocumentAsync("/Placements");
        var declined = await (await portal.SignedInAsync(Declined)).GetDocumentAsync("/Placements");
        var accepted = await (await portal.SignedInAsync(DemoAccounts.Trainee)).GetDocumentAsync("/Placements");
        var none = await (await portal.SignedInAsync(ClassroomDone)).GetDocumentAsync("/Placements");

        Assert.Contains("waiting list", waitlisted.QuerySelector(".placements")!.TextContent);
        Assert.Contains("Reason: No Ra-223 capacity this quarter", declined.QuerySelector(".placements")!.TextContent);
        Assert.Contains("Accepted: you start on", accepted.QuerySelector(".placements")!.TextContent);
        Assert.Empty(accepted.QuerySelectorAll(".placements form"));
        Assert.Contains("You have not asked a center for a placement yet.", none.QuerySelector(".empty-state")!.TextContent);
    }

    [Theory]
    [InlineData(Requested)]
    [InlineData(Waitlisted)]
    public async Task Physician_withdraws_their_pending_request(string email)
    {
        var client = await portal.SignedInAsync(email);
        var page = await client.GetDocumentAsync("/Placements");

        var response = await client.SubmitAsync(page, ".placements form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PlacementStatus.Withdrawn, Assert.Single(await PlacementsOfAsync(email)).Status);
        var after = await client.GetDocumentAsync("/Placements");
        Assert.Equal("Withdrawn", after.QuerySelector(".placement-status")!.TextContent.Trim());
        Assert.Empty(after.QuerySelectorAll(".placements form"));
    }

    [Fact]
    public async Task After_withdrawing_the_physician_can_ask_the_same_center_again()
    {
        var client = await portal.SignedInAsync(Requested);
        await client.SubmitAsync(await client.GetDocumentAsync("/Placements"), ".placements form", new Dictionary<string, string>());
        var bluegrass = await CenterIdAsync("Bluegrass Community Oncology");

        var form = await client.GetDocumentAsync($"/Placements/Request?centerId={bluegrass}");
        await client.SubmitAsync(form, "main form", Start(Today.AddDays(14)));

        Assert.Equal([PlacementStatus.Requested, PlacementStatus.Withdrawn], (await PlacementsOfAsync(Requested)).Select(p => p.Status));
    }

    [Fact]
    public async Task Withdrawing_another_physicians_placement_is_not_found()
    {
        var theirs = Assert.Single(await PlacementsOfAsync(Requested));
        var client = await portal.SignedInAsync(ClassroomDone);

        var response = await client.PostAsync($"/Placements?handler=Withdraw&id={theirs.Id}", Form(await TokenAsync(client), []));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(PlacementStatus.Requested, Assert.Single(await PlacementsOfAsync(Requested)).Status);
    }

    [Fact]
    public async Task Accepted_placement_cannot_be_withdrawn()
    {
        var accepted = Assert.Single(await PlacementsOfAsync(DemoAccounts.Trainee));
        var client = await portal.SignedInAsync(DemoAccounts.Trainee);

        var response = await client.PostAsync($"/Placements?handler=Withdraw&id={accepted.Id}", Form(await TokenAsync(client), []));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("can no longer be withdrawn", page.QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal(PlacementStatus.Accepted, Assert.Single(await PlacementsOfAsync(DemoAccounts.Trainee)).Status);
    }

    private static Dictionary<string, string> Start(DateOnly date) => new() { ["Input.PreferredStart"] = date.ToString("yyyy-MM-dd") };

    /// <summary>The fields with the session's antiforgery token and a new idempotency key, as a freshly opened form carries them.</summary>
    private static FormUrlEncodedContent Form(string token, Dictionary<string, string> values) =>
        new([.. values, KeyValuePair.Create("__RequestVerificationToken", token), KeyValuePair.Create("IdempotencyKey", Guid.NewGuid().ToString())]);

    // Antiforgery tokens belong to the session, not to one form: any page's sign-out form carries a valid one.
    private static async Task<string> TokenAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync("/Centers");
        return page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
    }


    private async Task<Guid> CenterIdAsync(string name)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Centers.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    private async Task<List<Placement>> PlacementsOfAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.Placements.AsNoTracking()
            .Where(p => db.Trainees.Any(t => t.Id == p.TraineeId && t.UserId == userId))
            .OrderByDescending(p => p.RequestedAt)
            .ToListAsync();
    }
}
