using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Matching;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Security;

namespace TrainingNetwork.Web.Tests.Pages;

/// <summary>The portal on a clock the test moves forward, with a 48-hour offer window and a mailbox of its own.</summary>
public sealed class WaitlistPortalFactory : PortalFactory
{
    public const int OfferHours = 48;

    public ShiftedClock Clock { get; } = new();

    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), "tn-test-mail-" + Guid.NewGuid().ToString("N"));

    public IReadOnlyList<PickedUpMessage> MailTo(string email) =>
        [.. Services.GetRequiredService<PickupFolderEmailSender>().ReadAll().Where(m => m.To == email)];

    /// <summary>Empties the mailbox: tests move the clock, so a time cannot tell one test's mail from another's.</summary>
    public void ClearMail()
    {
        if (Directory.Exists(PickupDirectory))
        {
            Directory.Delete(PickupDirectory, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Waitlist:OfferHours", OfferHours.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:PickupDirectory", PickupDirectory);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class WaitlistTests(WaitlistPortalFactory portal) : IClassFixture<WaitlistPortalFactory>, IAsyncLifetime
{
    private const string Page = "/Placements/Waitlist";

    // Physicians with no accepted placement: trainee01 practises in MO and trainee02 in IL (Midwest), trainee03 in WA (West).
    private const string First = "trainee01@trainingnetwork.test";
    private const string Second = "trainee02@trainingnetwork.test";
    private const string Western = "trainee03@trainingnetwork.test";

    // The one Midwest center with no physician placed in the demo network: raising its G3 slots frees a place there.
    private const string GreatLakes = "Great Lakes Theranostics";
    private const string GreatLakesCoordinator = "coordinator.greatlakes@trainingnetwork.test";

    private static readonly TimeSpan PastTheDeadline = TimeSpan.FromHours(WaitlistPortalFactory.OfferHours + 1);

    public async Task InitializeAsync()
    {
        portal.Clock.Reset();
        portal.ClearMail();
        await portal.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Page_suggests_the_region_of_the_practice_state_and_a_place_free_now_is_offered_on_joining()
    {
        var client = await portal.SignedInAsync(First);
        var page = await client.GetDocumentAsync(Page);

        Assert.Equal("Midwest", page.QuerySelector<IHtmlSelectElement>("#join-region")!.Value);
        Assert.Equal("G3", page.QuerySelector<IHtmlSelectElement>("#join-category")!.Value);
        Assert.Contains("not on the waitlist", page.QuerySelector(".empty-state")!.TextContent);

        // The demo network has room: the round after joining offers the nearest Midwest center, Gateway in St. Louis.
        var response = await JoinAsync(client, "Midwest", "G3");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetDocumentAsync(Page);
        Assert.Contains("a place is already offered to you", after.QuerySelector("[role='status']")!.TextContent);
        Assert.Contains("Gateway Theranostics Center offers you a place in G3.", after.QuerySelector(".waitlist-offer")!.TextContent);
        Assert.Contains("(in 1 day 23 hours)", after.QuerySelector(".waitlist-offer")!.TextContent);
        var entry = Assert.Single(await EntriesOfAsync(First));
        Assert.Equal((WaitlistStatus.Offered, "MO", "Midwest"), (entry.Status, entry.HomeState, entry.Region));
        Assert.Equal(
            [AuditAction.WaitlistJoined, AuditAction.WaitlistOffered],
            (await AuditOfAsync(entry.Id)).Select(a => a.Action));
        Assert.Equal(["A training place is offered to you", "You joined the waitlist"], Subjects(First).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_freed_place_goes_to_the_earliest_physician_in_its_region_and_category()
    {
        var (first, second) = await TwoInTheMidwestLineAsync();
        await JoinAsync(Western, "West");
        Assert.All(await EntriesOfAsync(First, Second, Western), e => Assert.Equal(WaitlistStatus.Waiting, e.Status));

        await SetG3SlotsAsync(GreatLakes, 1);
        var round = await RunRoundAsync();

        Assert.Equal(new WaitlistRound(0, 1), round);
        var entries = await EntriesOfAsync(First, Second, Western);
        var offered = Assert.Single(entries, e => e.Status == WaitlistStatus.Offered);
        Assert.Equal(first, offered.Id);
        Assert.Equal(await CenterIdAsync(GreatLakes), offered.OfferedCenterId);
        Assert.Equal(portal.Clock.GetUtcNow().AddHours(WaitlistPortalFactory.OfferHours), offered.OfferExpiresAt!.Value, TimeSpan.FromMinutes(1));
        Assert.DoesNotContain("A training place is offered to you", Subjects(Second));
        Assert.DoesNotContain("A training place is offered to you", Subjects(Western));

        var secondPage = await (await portal.SignedInAsync(Second)).GetDocumentAsync(Page);
        Assert.Equal("Number 2 in line", secondPage.QuerySelector(".waitlist-position")!.TextContent.Trim());
        Assert.Contains(second.ToString(), secondPage.QuerySelector(".waitlist-entry")!.GetAttribute("data-entry"));
        var westernPage = await (await portal.SignedInAsync(Western)).GetDocumentAsync(Page);
        Assert.Equal("Number 1 in line", westernPage.QuerySelector(".waitlist-position")!.TextContent.Trim());
        Assert.Null(westernPage.QuerySelector(".waitlist-offer"));
    }

    [Fact]
    public async Task An_unanswered_offer_lapses_after_its_deadline_and_moves_on_and_the_center_is_never_offered_again()
    {
        var (first, second) = await TwoInTheMidwestLineAsync();
        await SetG3SlotsAsync(GreatLakes, 1);
        await RunRoundAsync();
        var greatLakes = await CenterIdAsync(GreatLakes);

        portal.Clock.Advance(TimeSpan.FromHours(WaitlistPortalFactory.OfferHours - 1));
        Assert.Equal(new WaitlistRound(0, 0), await RunRoundAsync());

        portal.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(new WaitlistRound(1, 1), await RunRoundAsync());

        var lapsed = await EntryAsync(first);
        Assert.Equal((WaitlistStatus.Waiting, null), (lapsed.Status, lapsed.OfferedCenterId));
        Assert.Equal([greatLakes], lapsed.PassedCenterIds);
        Assert.Equal(portal.Clock.GetUtcNow(), lapsed.QueuedAt, TimeSpan.FromMinutes(1));
        var next = await EntryAsync(second);
        Assert.Equal((WaitlistStatus.Offered, greatLakes), (next.Status, next.OfferedCenterId));
        Assert.Contains(AuditAction.WaitlistOfferLapsed, (await AuditOfAsync(first)).Select(a => a.Action));
        Assert.Contains("Your waitlist offer lapsed", Subjects(First));
        Assert.Contains("A training place is offered to you", Subjects(Second));

        var firstPage = await (await portal.SignedInAsync(First)).GetDocumentAsync(Page);
        Assert.Equal("Number 2 in line", firstPage.QuerySelector(".waitlist-position")!.TextContent.Trim());
        Assert.Contains("passed on 1 offer", firstPage.QuerySelector(".waitlist-entry")!.TextContent);

        // The second physician declines too: the place stays open, for nobody in line may be offered Great Lakes again.
        var client = await portal.SignedInAsync(Second);
        await client.SubmitAsync(await client.GetDocumentAsync(Page), "form.waitlist-decline", new Dictionary<string, string>());
        Assert.Equal(new WaitlistRound(0, 0), await RunRoundAsync());
        Assert.All(await EntriesOfAsync(First, Second), e => Assert.Equal(WaitlistStatus.Waiting, e.Status));

        await SetG3SlotsAsync("Lakeshore Cancer Institute", 2);
        await RunRoundAsync();
        var offeredAgain = await EntryAsync(first);
        Assert.Equal((WaitlistStatus.Offered, await CenterIdAsync("Lakeshore Cancer Institute")), (offeredAgain.Status, offeredAgain.OfferedCenterId));
    }

    [Fact]
    public async Task Accepting_creates_an_accepted_placement_in_the_category_and_ends_the_place_in_line()
    {
        var entryId = await OfferedGreatLakesAsync(First);
        var client = await portal.SignedInAsync(First);
        var start = Today().AddDays(10);

        var response = await client.SubmitAsync(await client.GetDocumentAsync(Page), "form.waitlist-accept", Start(start));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Placements", response.Headers.Location!.OriginalString);
        var entry = await EntryAsync(entryId);
        Assert.Equal(WaitlistStatus.Placed, entry.Status);
        Assert.NotNull(entry.EndedAt);
        var placement = Assert.Single(await PlacementsOfAsync(First));
        Assert.Equal((await CenterIdAsync(GreatLakes), "G3", PlacementStatus.Accepted, start), (placement.CenterId, placement.Category, placement.Status, placement.StartsOn));
        var accepted = Assert.Single(await AuditOfAsync(entryId), a => a.Action == AuditAction.WaitlistOfferAccepted);
        Assert.Equal(await UserIdAsync(First), accepted.ActorUserId);
        Assert.NotEqual(accepted.BeforeSha256, accepted.AfterSha256);
        Assert.Contains("You accepted a training place", Subjects(First));
        Assert.Contains("A physician accepted a waitlist place at " + GreatLakes, Subjects(GreatLakesCoordinator));

        var mine = await client.GetDocumentAsync("/Placements");
        Assert.Contains($"You accepted the G3 place at {GreatLakes}", mine.QuerySelector("[role='status']")!.TextContent);
        Assert.Equal("Accepted", mine.QuerySelector(".placements .placement-status")!.TextContent.Trim());
        var waitlist = await client.GetDocumentAsync(Page);
        Assert.Equal("Placed", waitlist.QuerySelector(".waitlist-past .waitlist-status")!.TextContent.Trim());

        // Now placed in G3, the physician may not wait for G3 again.
        await JoinAsync(client, "Midwest", "G3");
        Assert.Single(await EntriesOfAsync(First));
    }

    [Fact]
    public async Task Declining_sends_the_physician_to_the_back_of_the_line_with_the_center_passed()
    {
        var entryId = await OfferedGreatLakesAsync(First);
        var client = await portal.SignedInAsync(First);

        var response = await client.SubmitAsync(await client.GetDocumentAsync(Page), "form.waitlist-decline", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await EntryAsync(entryId);
        Assert.Equal((WaitlistStatus.Waiting, null), (entry.Status, entry.OfferedCenterId));
        Assert.Equal([await CenterIdAsync(GreatLakes)], entry.PassedCenterIds);
        Assert.Contains(AuditAction.WaitlistOfferDeclined, (await AuditOfAsync(entryId)).Select(a => a.Action));
        Assert.Contains("You declined a training place", Subjects(First));
        Assert.Contains("You declined the place at " + GreatLakes, (await client.GetDocumentAsync(Page)).QuerySelector("[role='status']")!.TextContent);
        Assert.Empty(await PlacementsOfAsync(First));
    }

    [Fact]
    public async Task Leaving_with_an_offer_passes_the_place_to_the_next_in_line()
    {
        var entryId = await OfferedGreatLakesAsync(First);
        var next = await JoinAsync(Second, "Midwest");
        var client = await portal.SignedInAsync(First);

        var response = await client.SubmitAsync(await client.GetDocumentAsync(Page), ".waitlist-entry form[action*='Leave']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(WaitlistStatus.Left, (await EntryAsync(entryId)).Status);
        Assert.Equal(WaitlistStatus.Offered, (await EntryAsync(next)).Status);
        Assert.Contains(AuditAction.WaitlistLeft, (await AuditOfAsync(entryId)).Select(a => a.Action));
        Assert.Contains("You left the waitlist", Subjects(First));
        var page = await client.GetDocumentAsync(Page);
        Assert.Equal("Left", page.QuerySelector(".waitlist-past .waitlist-status")!.TextContent.Trim());
        Assert.Null(page.QuerySelector(".waitlist-entry"));
    }

    [Fact]
    public async Task Accepting_after_the_deadline_is_refused_and_changes_nothing()
    {
        var entryId = await OfferedGreatLakesAsync(First);
        portal.Clock.Advance(PastTheDeadline);
        var client = await portal.SignedInAsync(First);
        var page = await client.GetDocumentAsync(Page);
        Assert.Contains("(lapsed)", page.QuerySelector(".waitlist-offer")!.TextContent);

        var response = await client.SubmitAsync(page, "form.waitlist-accept", Start(Today().AddDays(3)));

        var answer = await HtmlForms.ParseAsync(response);
        Assert.Contains("This offer lapsed at", answer.QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal(WaitlistStatus.Offered, (await EntryAsync(entryId)).Status);
        Assert.Empty(await PlacementsOfAsync(First));
        Assert.DoesNotContain(AuditAction.WaitlistOfferAccepted, (await AuditOfAsync(entryId)).Select(a => a.Action));
    }

    [Theory]
    [InlineData("Accept")]
    [InlineData("Decline")]
    [InlineData("Leave")]
    public async Task Another_physicians_entry_is_not_found(string handler)
    {
        var theirs = await OfferedGreatLakesAsync(First);
        var client = await portal.SignedInAsync(Second);
        var token = await TokenAsync(client);

        var response = await client.PostAsync($"{Page}?handler={handler}", Form(token, new()
        {
            ["Input.EntryId"] = theirs.ToString(),
            ["Input.StartsOn"] = Today().AddDays(3).ToString("yyyy-MM-dd"),
        }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(WaitlistStatus.Offered, (await EntryAsync(theirs)).Status);
        Assert.Empty(await PlacementsOfAsync(First));
    }

    [Theory]
    [InlineData(DemoAccounts.Coordinator, "Join")]
    [InlineData(DemoAccounts.Coordinator, "Accept")]
    [InlineData(DemoAccounts.Staff, "Join")]
    [InlineData(DemoAccounts.Staff, "Leave")]
    public async Task Coordinators_and_staff_cannot_post_the_physicians_forms(string account, string handler)
    {
        var theirs = await OfferedGreatLakesAsync(First);
        var client = await portal.SignedInAsync(account);

        var response = await client.PostAsync($"{Page}?handler={handler}", Form(await TokenAsync(client), new()
        {
            ["Input.EntryId"] = theirs.ToString(),
            ["Input.Region"] = "Midwest",
            ["Input.Category"] = "G3",
            ["Input.StartsOn"] = Today().AddDays(3).ToString("yyyy-MM-dd"),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
        Assert.Equal(WaitlistStatus.Offered, (await EntryAsync(theirs)).Status);
        Assert.Single(await AllEntriesAsync());
    }

    [Theory]
    [InlineData("", "G3", "Choose the region where you can train.")]
    [InlineData("Atlantis", "G3", "Choose the region where you can train.")]
    [InlineData("Midwest", "G9", "Choose the category you need cases in")]
    [InlineData("Midwest", "", "Choose the category you need cases in")]
    public async Task Joining_with_a_bad_region_or_category_is_refused(string region, string category, string message)
    {
        var client = await portal.SignedInAsync(First);

        var response = await JoinAsync(client, region, category);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await HtmlForms.ParseAsync(response)).QuerySelector(".alert-danger")!.TextContent);
        Assert.Empty(await AllEntriesAsync());
        Assert.Empty(await AuditOfTypeAsync(AuditAction.WaitlistJoined));
    }

    [Fact]
    public async Task Joining_twice_in_a_category_or_with_an_accepted_placement_in_it_is_refused()
    {
        await FillEveryCenterAsync();
        var client = await portal.SignedInAsync(First);
        await JoinAsync(client, "Midwest", "G3");

        var again = await JoinAsync(client, "South", "G3");
        var placed = await JoinAsync(await portal.SignedInAsync(DemoAccounts.Trainee), "Midwest", "G3");

        Assert.Contains("You are already on the waitlist for G3", (await HtmlForms.ParseAsync(again)).QuerySelector(".alert-danger")!.TextContent);
        Assert.Contains("You already have an accepted G3 placement at Gateway Theranostics Center",
            (await HtmlForms.ParseAsync(placed)).QuerySelector(".alert-danger")!.TextContent);
        Assert.Single(await AllEntriesAsync());
    }

    [Theory]
    [InlineData(-7, "Choose today or a later start date.")]
    [InlineData(800, "Choose a start date within two years")]
    public async Task Accepting_with_a_start_date_outside_the_next_two_years_is_refused(int daysFromToday, string message)
    {
        var entryId = await OfferedGreatLakesAsync(First);
        var client = await portal.SignedInAsync(First);

        var response = await client.SubmitAsync(await client.GetDocumentAsync(Page), "form.waitlist-accept", Start(Today().AddDays(daysFromToday)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal(Today().AddDays(daysFromToday).ToString("yyyy-MM-dd"), page.QuerySelector<IHtmlInputElement>("form.waitlist-accept input[type='date']")!.Value);
        Assert.Equal(WaitlistStatus.Offered, (await EntryAsync(entryId)).Status);
        Assert.Empty(await PlacementsOfAsync(First));
    }

    [Fact]
    public async Task Staff_see_each_line_in_the_fair_order_and_run_a_round()
    {
        await TwoInTheMidwestLineAsync();
        await JoinAsync(Western, "West");
        await SetG3SlotsAsync(GreatLakes, 1);
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);

        var page = await staff.GetDocumentAsync("/Network/Waitlist");

        Assert.Contains("Declining an offer or letting it lapse moves them to the back of the line", page.QuerySelector("main")!.TextContent);
        Assert.Contains($"{WaitlistPortalFactory.OfferHours} hours to accept", page.QuerySelector("main")!.TextContent);
        Assert.Equal(["Midwest G3", "West G3"], page.QuerySelectorAll(".waitlist-line").Select(l => $"{l.GetAttribute("data-region")} {l.GetAttribute("data-category")}"));
        var midwest = page.QuerySelectorAll(".waitlist-line[data-region='Midwest'] tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal([("1", "Dr. Maya Okafor", "MO", "Waiting"), ("2", "Dr. Daniel Reyes", "IL", "Waiting")], midwest.Select(r => (r[0], r[1], r[2], r[6])));

        var run = await staff.SubmitAsync(page, "form[action*='Run']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        var after = await staff.GetDocumentAsync(run.Headers.Location!.OriginalString);
        Assert.Contains("Waitlist round run: 0 offers lapsed, 1 place offered.", after.QuerySelector("[role='status']")!.TextContent);
        var firstRow = after.QuerySelector(".waitlist-line[data-region='Midwest'] tbody tr")!.Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("Offered", firstRow[6]);
        Assert.StartsWith(GreatLakes + ", until ", firstRow[7]);

        var filtered = await staff.GetDocumentAsync("/Network/Waitlist?region=West&category=G3");
        Assert.Equal(["West"], filtered.QuerySelectorAll(".waitlist-line").Select(l => l.GetAttribute("data-region")));
        var bad = await staff.GetDocumentAsync("/Network/Waitlist?region=Atlantis&category=G7");
        Assert.Equal("Choose one of the regions in the list.", bad.QuerySelector("#region-problem")!.TextContent);
        Assert.Equal("Choose G1, G2 or G3.", bad.QuerySelector("#category-problem")!.TextContent);
        Assert.Empty(bad.QuerySelectorAll(".waitlist-line"));
    }

    [Theory]
    [InlineData(DemoAccounts.Trainee, "/Network/Waitlist")]
    [InlineData(DemoAccounts.Coordinator, "/Network/Waitlist")]
    [InlineData(DemoAccounts.Coordinator, Page)]
    [InlineData(DemoAccounts.Staff, Page)]
    public async Task Other_roles_are_refused_the_page(string account, string path)
    {
        var response = await (await portal.SignedInAsync(account)).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData(Page)]
    [InlineData("/Network/Waitlist")]
    public async Task Anonymous_visitor_is_sent_to_sign_in(string path)
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    /// <summary>The physician joins the Midwest G3 line with every center full, then Great Lakes gets a place: it is theirs.</summary>
    private async Task<Guid> OfferedGreatLakesAsync(string email)
    {
        await FillEveryCenterAsync();
        var entryId = await JoinAsync(email, "Midwest");
        await SetG3SlotsAsync(GreatLakes, 1);
        await RunRoundAsync();
        Assert.Equal(WaitlistStatus.Offered, (await EntryAsync(entryId)).Status);
        return entryId;
    }

    /// <summary>With every center full, the first physician joins the Midwest G3 line, and five minutes later the second.</summary>
    private async Task<(Guid First, Guid Second)> TwoInTheMidwestLineAsync()
    {
        await FillEveryCenterAsync();
        var first = await JoinAsync(First, "Midwest");
        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        return (first, await JoinAsync(Second, "Midwest"));
    }

    private async Task<Guid> JoinAsync(string email, string region)
    {
        var response = await JoinAsync(await portal.SignedInAsync(email), region, "G3");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (await EntriesOfAsync(email)).Single(e => e.Status is WaitlistStatus.Waiting or WaitlistStatus.Offered).Id;
    }

    private static async Task<HttpResponseMessage> JoinAsync(HttpClient client, string region, string category) =>
        await client.SubmitAsync(await client.GetDocumentAsync(Page), "form#join", new Dictionary<string, string>
        {
            ["Input.Region"] = region,
            ["Input.Category"] = category,
        });

    private async Task<WaitlistRound> RunRoundAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Waitlist>().RunAsync(CancellationToken.None);
    }

    /// <summary>Every center's G3 slots down to the physicians placed there: no place is open anywhere.</summary>
    private async Task FillEveryCenterAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var center in await db.Centers.Include(c => c.Capacities).ToListAsync())
        {
            var placed = await db.Placements.CountAsync(p => p.CenterId == center.Id && p.Status == PlacementStatus.Accepted);
            center.SetCategoryCapacity(Guid.NewGuid(), "G3", placed, 8);
        }

        await db.SaveChangesAsync();
    }

    private async Task SetG3SlotsAsync(string centerName, int slots)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var center = await db.Centers.Include(c => c.Capacities).SingleAsync(c => c.Name == centerName);
        center.SetCategoryCapacity(Guid.NewGuid(), "G3", slots, 8);
        await db.SaveChangesAsync();
    }

    private DateOnly Today() => DateOnly.FromDateTime(portal.Clock.GetUtcNow().UtcDateTime);

    private List<string> Subjects(string email) => [.. portal.MailTo(email).Select(m => m.Subject)];

    private static Dictionary<string, string> Start(DateOnly date) => new() { ["Input.StartsOn"] = date.ToString("yyyy-MM-dd") };

    /// <summary>The fields with the session's antiforgery token and a new idempotency key, as a freshly opened form carries them.</summary>
    private static FormUrlEncodedContent Form(string token, Dictionary<string, string> values) =>
        new([.. values, KeyValuePair.Create("__RequestVerificationToken", token), KeyValuePair.Create("IdempotencyKey", Guid.NewGuid().ToString())]);

    // Antiforgery tokens belong to the session, not to one form: any page's sign-out form carries a valid one.
    private static async Task<string> TokenAsync(HttpClient client) =>
        (await client.GetDocumentAsync("/Centers")).QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<string> UserIdAsync(string email) => WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<Guid> CenterIdAsync(string name) => WithDbAsync(db => db.Centers.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    private Task<WaitlistEntry> EntryAsync(Guid id) => WithDbAsync(db => db.WaitlistEntries.AsNoTracking().SingleAsync(e => e.Id == id));

    private Task<List<WaitlistEntry>> AllEntriesAsync() => WithDbAsync(db => db.WaitlistEntries.AsNoTracking().ToListAsync());

    private Task<List<WaitlistEntry>> EntriesOfAsync(params string[] emails) => WithDbAsync(db => db.WaitlistEntries.AsNoTracking()
        .Where(e => db.Trainees.Any(t => t.Id == e.TraineeId && db.Users.Any(u => u.Id == t.UserId && emails.Contains(u.Email))))
        .OrderBy(e => e.JoinedAt).ToListAsync());

    private Task<List<Placement>> PlacementsOfAsync(string email) => WithDbAsync(db => db.Placements.AsNoTracking()
        .Where(p => db.Trainees.Any(t => t.Id == p.TraineeId && db.Users.Any(u => u.Id == t.UserId && u.Email == email)))
        .ToListAsync());

    private Task<List<AuditEntry>> AuditOfAsync(Guid entryId) => WithDbAsync(db => db.AuditEntries.AsNoTracking()
        .Where(a => a.SubjectType == "waitlist_entry" && a.SubjectId == entryId.ToString()).OrderBy(a => a.Sequence).ToListAsync());

    private Task<List<AuditEntry>> AuditOfTypeAsync(AuditAction action) =>
        WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == action).ToListAsync());
}
