using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages;

/// <summary>
/// "Where can I finish?" on the seeded demo network, for the physician and for staff on their behalf, and the category a
/// placement request is for. The expected figures are worked out by hand from DemoNetworkSeeder in the comments.
/// </summary>
public sealed class FinishPageTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    // trainee14 (Dr. Kwame Mensah, n = 13): practice state MI (Great Lakes is home, Centers[13 % 8]); placed at Gateway
    // (Centers[(13 + 3) % 8]) with three Lutathera cases, none approved (n is odd, the last not even submitted): MI is an NRC
    // state, NRC-2019 asks 3 (G)(3) cases, so CasesStillNeeded = ["G3:3"].
    private const string Mensah = DemoAccounts.Trainee;
    private const string MensahName = "Dr. Kwame Mensah";
    private const string ClassroomDone = "trainee07@trainingnetwork.test"; // no cases yet: needs (G)(3)
    private const string Finished = "trainee22@trainingnetwork.test"; // three approved cases, placement completed
    private const string Cascade = "Cascade Radiopharmaceutical Therapy Center";
    private const string GulfCoast = "Gulf Coast Radiation Oncology";

    /// <summary>
    /// Every demo center has a (G)(3) capacity: slots = its number of therapies, 8 preceptor cases a month; its
    /// administrations are the sum of its therapies' monthly capacities (all demo agents are (G)(3)). Accepted placements
    /// (trainees 13–18, n = 12–17, at Centers[(n + 3) % 8]) take a slot each; those still needing cases share the supply.
    /// Training cases = min(administrations, 8); Mensah's share = training / (others sharing + 1);
    /// weeks = ⌈3 / share × 52/12⌉; open places = slots − placed; miles from MI (state-distances.csv).
    /// </summary>
    private static readonly Expected[] MensahsRanking =
    [
        // Great Lakes (MI): 5 + 7 = 12 administrations → 8; nobody placed: 8 a month; 3/8 × 4.33 = 1.63 → 2 weeks; 2 − 0 = 2 open; 0 mi.
        new("Great Lakes Theranostics", "MI", 0, 2, "8", 2),
        // Gateway (MO): 6 + 10 + 4 = 20 → 8; only Mensah placed (he does not share with himself): 8 a month → 2 weeks;
        // 3 slots − 1 (Mensah) = 2 open; MI–MO 520 mi.
        new("Gateway Theranostics Center", "MO", 520, 2, "8", 2),
        // Gulf Coast (TX): 9 + 4 + 2 = 15 → 8; nobody placed: 8 a month → 2 weeks; 3 open; MI–TX 1098 mi.
        new(GulfCoast, "TX", 1098, 3, "8", 2),
        // Lakeshore (IL): 4 + 8 + 3 = 15 → 8; trainee15 placed (1 of 3 cases approved, needs 2): 8 / 2 = 4 a month;
        // 3/4 × 4.33 = 3.25 → 4 weeks; 3 − 1 = 2 open; MI–IL 241 mi.
        new("Lakeshore Cancer Institute", "IL", 241, 2, "4", 4),
        // Front Range (CO): 5 + 2 = 7 (less than 8); trainee17 placed (2 approved, needs 1): 7 / 2 = 3.5 a month;
        // 3/3.5 × 4.33 = 3.71 → 4 weeks; 2 − 1 = 1 open; MI–CO 1114 mi.
        new("Front Range Cancer Center", "CO", 1114, 1, "3.5", 4),
        // Cascade (WA): 6 + 3 = 9 → 8; trainee16 placed (needs 1): 4 a month → 4 weeks; 2 − 1 = 1 open; MI–WA 1833 mi.
        new(Cascade, "WA", 1833, 1, "4", 4),
        // Bluegrass (KY): 2 + 3 = 5; trainee18 placed (needs 1): 2.5 a month; 3/2.5 × 4.33 = 5.2 → 6 weeks; 1 open; 353 mi.
        new("Bluegrass Community Oncology", "KY", 353, 1, "2.5", 6),
        // Big Sky (MT): 1 + 2 = 3; trainee13 placed (1 approved, needs 2): 1.5 a month; 3/1.5 × 4.33 = 8.67 → 9 weeks; 1 open; 1348 mi.
        new("Big Sky Cancer Care", "MT", 1348, 1, "1.5", 9),
    ];

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Physician_sees_the_centers_ranked_with_hand_checked_estimates()
    {
        var client = await portal.SignedInAsync(Mensah);

        var page = await client.GetDocumentAsync("/Placements/Finish");

        Assert.Equal("Where can I finish?", page.Heading());
        Assert.Equal("3 cases to go in (G)(3).", page.QuerySelector("#finish-summary")!.TextContent.Trim());
        var section = Assert.Single(page.QuerySelectorAll(".finish-category"));
        Assert.Equal("(G)(3): 3 cases to go", section.QuerySelector("h2")!.TextContent.Trim());
        Assert.NotNull(section.QuerySelector("table.finish-ranking caption"));
        Assert.Equal(MensahsRanking, Rows(page));
        Assert.Equal(Enumerable.Range(1, MensahsRanking.Length).Select(r => r.ToString()), page.QuerySelectorAll("td.rank").Select(c => c.TextContent.Trim()));

        var lakeshore = RowOf(page, "Lakeshore Cancer Institute");
        Assert.Equal(
            "8 training cases a month (the lesser of 15 administrations and 8 a preceptor can supervise), shared equally by 2 physicians (1 placed there and this one): "
            + "4 a month each. 3 cases to go ≈ 4 weeks. 2 open places.",
            lakeshore.QuerySelector(".explanation")!.TextContent.Trim());
        var lakeshoreId = await CenterIdAsync("Lakeshore Cancer Institute");
        Assert.Equal($"/Centers/Details/{lakeshoreId}", lakeshore.QuerySelector<IHtmlAnchorElement>("a.center-name")!.GetAttribute("href"));
        Assert.Equal($"/Placements/Request?centerId={lakeshoreId}&category=G3", lakeshore.QuerySelector<IHtmlAnchorElement>("a.request-place")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector(".join-waitlist"));
    }

    [Fact]
    public async Task A_center_without_room_comes_after_those_with_room_and_offers_the_waitlist()
    {
        var gulfCoast = await CenterIdAsync(GulfCoast);
        await UsingDbAsync(db => db.CategoryCapacities.Where(c => c.CenterId == gulfCoast).ExecuteUpdateAsync(s => s.SetProperty(c => c.TraineeSlots, 0)));

        var page = await (await portal.SignedInAsync(Mensah)).GetDocumentAsync("/Placements/Finish");

        // Gulf Coast still gives 8 a month (2 weeks) but has 0 − 0 = 0 open places: it drops behind every center with room.
        Assert.Equal([.. MensahsRanking.Where(e => e.Center != GulfCoast), new(GulfCoast, "TX", 1098, 0, "8", 2)], Rows(page));
        var row = RowOf(page, GulfCoast);
        Assert.Equal("/Placements/Waitlist?category=G3", row.QuerySelector<IHtmlAnchorElement>("a.join-waitlist")!.GetAttribute("href"));
        Assert.Null(row.QuerySelector("a.request-place"));
        Assert.EndsWith("No open place now.", row.QuerySelector(".explanation")!.TextContent.Trim());
        Assert.Null(page.QuerySelector(".no-room"));
    }

    [Fact]
    public async Task When_no_center_has_room_the_page_says_so_and_links_the_waitlist()
    {
        await UsingDbAsync(db => db.CategoryCapacities.ExecuteUpdateAsync(s => s.SetProperty(c => c.TraineeSlots, 0)));

        var page = await (await portal.SignedInAsync(Mensah)).GetDocumentAsync("/Placements/Finish");

        var alert = page.QuerySelector(".no-room")!;
        Assert.Contains("No center has an open place in (G)(3) now.", alert.TextContent);
        Assert.Equal("/Placements/Waitlist?category=G3", alert.QuerySelector("a.join-waitlist")!.GetAttribute("href"));
        Assert.Equal(MensahsRanking.Length, page.QuerySelectorAll("tr a.join-waitlist").Length);
    }

    [Fact]
    public async Task No_center_training_in_the_category_is_an_empty_state()
    {
        await UsingDbAsync(db => db.CategoryCapacities.ExecuteDeleteAsync());

        var page = await (await portal.SignedInAsync(Mensah)).GetDocumentAsync("/Placements/Finish");

        Assert.Contains("No center in the network trains in (G)(3) yet.", page.QuerySelector(".no-centers")!.TextContent);
        Assert.Null(page.QuerySelector("table.finish-ranking"));
    }

    [Fact]
    public async Task Physician_with_no_cases_left_to_find_is_told_so()
    {
        var page = await (await portal.SignedInAsync(Finished)).GetDocumentAsync("/Placements/Finish");

        Assert.Contains("Nothing left to find", page.QuerySelector("#nothing-needed")!.TextContent);
        Assert.Null(page.QuerySelector("table.finish-ranking"));
    }

    [Fact]
    public async Task Physician_not_yet_evaluated_is_told_the_needs_are_unknown()
    {
        var traineeId = await TraineeIdAsync(Mensah);
        await UsingDbAsync(db => db.ReadinessSummaries.Where(s => s.TraineeId == traineeId).ExecuteDeleteAsync());

        var page = await (await portal.SignedInAsync(Mensah)).GetDocumentAsync("/Placements/Finish");

        Assert.Contains("has not evaluated your record yet", page.QuerySelector("#not-evaluated")!.TextContent);
        Assert.Null(page.QuerySelector("table.finish-ranking"));
    }

    [Fact]
    public async Task My_placements_links_to_where_can_I_finish_and_shows_each_placements_category()
    {
        var page = await (await portal.SignedInAsync(Mensah)).GetDocumentAsync("/Placements");

        Assert.Equal("/Placements/Finish", page.QuerySelector<IHtmlAnchorElement>("#where-can-i-finish")!.GetAttribute("href"));
        Assert.Equal(["Category (G)(3)"], page.QuerySelectorAll(".placements .placement-category").Select(c => c.TextContent.Trim()));
    }

    [Theory]
    [InlineData(Mensah)]
    [InlineData(DemoAccounts.Coordinator)]
    [InlineData(DemoAccounts.Preceptor)]
    public async Task Staff_page_refuses_everyone_but_staff(string email)
    {
        var client = await portal.SignedInAsync(email);

        var response = await client.GetAsync($"/Network/Finish?traineeId={await TraineeIdAsync(Mensah)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Physicians_page_refuses_staff_and_anonymous_visitors()
    {
        var staff = await (await portal.SignedInAsync(DemoAccounts.Staff)).GetAsync("/Placements/Finish");
        var anonymous = await portal.CreateBrowserLikeClient().GetAsync("/Placements/Finish");

        Assert.StartsWith("/Identity/Account/AccessDenied", staff.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.StartsWith("/Identity/Account/Login", anonymous.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_see_the_physicians_ranking_on_their_behalf()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Staff);

        var page = await client.GetDocumentAsync($"/Network/Finish?traineeId={await TraineeIdAsync(Mensah)}");

        Assert.Equal($"Where can {MensahName} finish?", page.Heading());
        Assert.Equal("3 cases to go in (G)(3).", page.QuerySelector("#finish-summary")!.TextContent.Trim());
        Assert.Equal(MensahsRanking, Rows(page));
        // Staff cannot ask for a place or join a waitlist for the physician.
        Assert.Null(page.QuerySelector(".request-place, .join-waitlist"));
    }

    [Fact]
    public async Task Staff_pick_a_physician_among_those_still_needing_cases()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Admin);

        var everyone = await client.GetDocumentAsync("/Network/Finish");
        var search = await client.GetDocumentAsync("/Network/Finish?q=mensah");
        var nobody = await client.GetDocumentAsync("/Network/Finish?q=zzz");

        var names = everyone.QuerySelectorAll("#physicians tbody th").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains(MensahName, names);
        Assert.DoesNotContain("Dr. Arjun Mehta", names); // trainee22: nothing left to find
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        var row = Assert.Single(search.QuerySelectorAll("#physicians tbody tr"));
        Assert.Equal(MensahName, row.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal("3 in (G)(3)", row.QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.Equal($"/Network/Finish?traineeId={await TraineeIdAsync(Mensah)}", row.QuerySelector<IHtmlAnchorElement>("a")!.GetAttribute("href"));
        Assert.NotNull(nobody.QuerySelector("#no-physicians"));
    }

    [Fact]
    public async Task Staff_page_for_an_unknown_physician_is_not_found()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Staff);

        var response = await client.GetAsync($"/Network/Finish?traineeId={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Request_form_defaults_to_the_category_the_physician_needs_or_the_one_linked()
    {
        var client = await portal.SignedInAsync(ClassroomDone);
        var cascade = await CenterIdAsync(Cascade);

        var plain = await client.GetDocumentAsync($"/Placements/Request?centerId={cascade}");
        var linked = await client.GetDocumentAsync($"/Placements/Request?centerId={cascade}&category=G2");

        Assert.Equal("G3", plain.QuerySelector<IHtmlSelectElement>("#Input_Category")!.Value);
        Assert.Equal(["G1", "G2", "G3"], plain.QuerySelectorAll("#Input_Category option").Select(o => o.GetAttribute("value")));
        Assert.Equal("G2", linked.QuerySelector<IHtmlSelectElement>("#Input_Category")!.Value);
    }

    [Fact]
    public async Task Request_saves_the_chosen_category_and_my_placements_shows_it()
    {
        var client = await portal.SignedInAsync(ClassroomDone);
        var cascade = await CenterIdAsync(Cascade);
        var form = await client.GetDocumentAsync($"/Placements/Request?centerId={cascade}");

        var response = await client.SubmitAsync(form, "main form", RequestFields("G1"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["G1"], await CategoriesRequestedAsync(ClassroomDone));
        var mine = await client.GetDocumentAsync("/Placements");
        Assert.Equal("Category (G)(1)", mine.QuerySelector(".placements .placement-category")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("G4")]
    [InlineData("L3")]
    [InlineData("g3")]
    public async Task Request_with_a_category_centers_do_not_train_in_is_refused(string category)
    {
        var client = await portal.SignedInAsync(ClassroomDone);
        var form = await client.GetDocumentAsync($"/Placements/Request?centerId={await CenterIdAsync(Cascade)}");

        var response = await client.SubmitAsync(form, "main form", RequestFields(category));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("Choose (G)(1), (G)(2) or (G)(3).", page.QuerySelector("[data-valmsg-for='Input.Category']")!.TextContent.Trim());
        Assert.Empty(await CategoriesRequestedAsync(ClassroomDone));
    }

    private static Dictionary<string, string> RequestFields(string category) => new()
    {
        ["Input.PreferredStart"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd"),
        ["Input.Category"] = category,
    };

    private static List<Expected> Rows(IDocument page) =>
        [.. page.QuerySelectorAll("table.finish-ranking tbody tr").Select(row => new Expected(
            row.QuerySelector("a.center-name")!.TextContent.Trim(),
            row.QuerySelector(".state")!.TextContent.Trim(),
            int.Parse(row.QuerySelector(".miles")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(row.QuerySelector(".open-places")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture),
            row.QuerySelector(".per-month")!.TextContent.Trim(),
            int.Parse(row.QuerySelector(".weeks")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture)))];

    private static IElement RowOf(IDocument page, string center) =>
        page.QuerySelectorAll("table.finish-ranking tbody tr").Single(r => r.QuerySelector("a.center-name")!.TextContent.Trim() == center);

    private async Task UsingDbAsync(Func<AppDbContext, Task> change)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private async Task<Guid> CenterIdAsync(string name)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Centers.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    private async Task<Guid> TraineeIdAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Trainees.Where(t => db.Users.Any(u => u.Id == t.UserId && u.Email == email)).Select(t => t.Id).SingleAsync();
    }

    private async Task<List<string>> CategoriesRequestedAsync(string email)
    {
        var traineeId = await TraineeIdAsync(email);
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Placements
            .Where(p => p.TraineeId == traineeId).Select(p => p.Category).ToListAsync();
    }

    /// <summary>One row of the ranking as the page shows it.</summary>
    private sealed record Expected(string Center, string State, int Miles, int OpenPlaces, string PerMonth, int Weeks);
}
