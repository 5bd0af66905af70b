using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Matching;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Training;

namespace TrainingNetwork.Web.Tests.Pages;

/// <summary>
/// The staff view of supply and demand (/Network/Supply) on the seeded network with a known arrangement, every expected
/// figure worked out by hand below from the demo seed (Setup/DemoNetworkSeeder.cs).
///
/// Seed: each center has one G3 capacity row: slots = its number of therapies, 8 preceptor cases a month; its G3
/// administrations a month = the sum of its therapies' monthly cases. Training cases a month = min(administrations, 8):
///   Gateway MO 6+10+4 = 20 → 8, 3 slots     Lakeshore IL 4+8+3 = 15 → 8, 3 slots   Great Lakes MI 5+7 = 12 → 8, 2 slots
///   Bluegrass KY 2+3 = 5 → 5, 2 slots       Gulf Coast TX 9+4+2 = 15 → 8, 3 slots  Cascade WA 6+3 = 9 → 8
///   Front Range CO 5+2 = 7 → 7              Big Sky MT 1+2 = 3 → 3
/// Seeded accepted placements, one a center: trainee13 at Big Sky, trainee14 Gateway, trainee15 Lakeshore, trainee16 Cascade,
/// trainee17 Front Range, trainee18 Bluegrass (the others are requested, declined or completed). No center has a G1 or G2
/// capacity row.
///
/// Arrangement (<see cref="ArrangeAsync"/>): every seeded physician's cases still needed are cleared, then
///   trainee01 waits in the Midwest line for G3 from MO and needs G1:4, G3:5
///   trainee02 waits in the Midwest line for G3 from KY and needs G3:3
///   trainee03 waits in the South line for G3 from TX, holding an offer from Gulf Coast, and needs G3:4
///   trainee04 waits in the Northeast line for G3 from NY and needs G3:2
///   trainee05 left the West line for G3 (from WA) and needs G3:9: not counted
///   trainee06 is placed at Gateway (MO) in G3 and needs G3:6
///   trainee07 is placed at Great Lakes (MI) in G3 and needs G3:2
///   trainee08 is placed at Great Lakes (MI) in G1 and needs G1:2
/// </summary>
public sealed class SupplyDemandTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Path = "/Network/Supply";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task State_figures_match_the_arrangement_worked_by_hand()
    {
        await ArrangeAsync();

        var states = Rows(await PageAsync("?category=G3"), "table[data-chart='states']");

        // MO: trainee01 waits (5), trainee06 placed at Gateway (6): 11 cases against 8 a month = 1.375 months → "1.38".
        // Open: Gateway's 3 slots less trainee14 (seeded) and trainee06 = 1.
        AssertState(states["MO"], waiting: 1, waitingCases: 5, placed: 1, placedCases: 6, cases: 11, capacity: 8, open: 1, months: "1.38", shade: "quarter");
        // KY: trainee02 counts at their home state though they wait in the Midwest line: 3 against Bluegrass's 5 = 0.6.
        // Open: Bluegrass's 2 slots less trainee18 (seeded) = 1.
        AssertState(states["KY"], waiting: 1, waitingCases: 3, placed: 0, placedCases: 0, cases: 3, capacity: 5, open: 1, months: "0.6", shade: "month");
        // TX: trainee03 still waits while holding the offer: 4 against 8 = 0.5. The offer takes one of Gulf Coast's 3 slots: 2 open.
        AssertState(states["TX"], waiting: 1, waitingCases: 4, placed: 0, placedCases: 0, cases: 4, capacity: 8, open: 2, months: "0.5", shade: "month");
        // MI: trainee07 (2) against 8 = 0.25. Great Lakes has 2 slots in all: trainee07 (G3) and trainee08 (G1) take both,
        // so no G3 place is open though the G3 row has a slot left.
        AssertState(states["MI"], waiting: 0, waitingCases: 0, placed: 1, placedCases: 2, cases: 2, capacity: 8, open: 0, months: "0.25", shade: "month");
        // NY: trainee04 (2), no center: no capacity.
        AssertState(states["NY"], waiting: 1, waitingCases: 2, placed: 0, placedCases: 0, cases: 2, capacity: 0, open: 0, months: "no capacity", shade: "no-capacity");
        // WA: trainee05 left the line; Cascade gives 8 (9 administrations, 8 supervised) and its 2 slots hold trainee16 (seeded): 1 open.
        AssertState(states["WA"], waiting: 0, waitingCases: 0, placed: 0, placedCases: 0, cases: 0, capacity: 8, open: 1, months: "0", shade: "none");
        // CO: Front Range's 7 administrations are fewer than the 8 its preceptors could supervise.
        Assert.Equal(7, Number(states["CO"], "data-capacity"));
        Assert.Equal(3, Number(states["MT"], "data-capacity"));
        // A state with neither centers nor physicians.
        AssertState(states["VT"], waiting: 0, waitingCases: 0, placed: 0, placedCases: 0, cases: 0, capacity: 0, open: 0, months: "–", shade: "none");
    }

    [Fact]
    public async Task Waitlist_figures_and_weeks_to_clear_match_the_arrangement_worked_by_hand()
    {
        await ArrangeAsync();

        var waitlists = Rows(await PageAsync("?category=G3"), "table[data-table='waitlists']");

        Assert.Equal(UsRegion.All, waitlists.Keys);
        // Midwest: trainee01 (5) and trainee02 (3, from KY) wait: 8; placed at Midwest centers trainee06 (6) and trainee07 (2): 8.
        // Capacity MO 8 + IL 8 + MI 8 = 24. Weeks (8 + 8) / 24 × 52/12 = 2.89 → 3. Open Gateway 1 + Lakeshore 2 + Great Lakes 0 = 3.
        AssertWaitlist(waitlists["Midwest"], waiting: 2, waitingCases: 8, placedCases: 8, capacity: 24, open: 3, weeks: 3, text: "3 weeks");
        // South: trainee03 (4); capacity KY 5 + TX 8 = 13. Weeks 4 / 13 × 52/12 = 1.33 → 2. Open Bluegrass 1 + Gulf Coast 2 = 3.
        AssertWaitlist(waitlists["South"], waiting: 1, waitingCases: 4, placedCases: 0, capacity: 13, open: 3, weeks: 2, text: "2 weeks");
        // Northeast: trainee04 (2) and no center.
        AssertWaitlist(waitlists["Northeast"], waiting: 1, waitingCases: 2, placedCases: 0, capacity: 0, open: 0, weeks: null, text: "no capacity");
        // West: trainee05 left; capacity WA 8 + CO 7 + MT 3 = 18. Open Cascade 1 + Front Range 1 + Big Sky 1 (2 − 1 each, the seeded trainee16, trainee17 and trainee13).
        AssertWaitlist(waitlists["West"], waiting: 0, waitingCases: 0, placedCases: 0, capacity: 18, open: 3, weeks: 0, text: "nothing to clear");
        AssertWaitlist(waitlists["Territories"], waiting: 0, waitingCases: 0, placedCases: 0, capacity: 0, open: 0, weeks: 0, text: "nothing to clear");
    }

    [Fact]
    public async Task Another_category_counts_only_the_needs_of_its_own_line_and_placements()
    {
        await ArrangeAsync();

        var page = await PageAsync("?category=G1");
        var states = Rows(page, "table[data-chart='states']");
        var waitlists = Rows(page, "table[data-table='waitlists']");

        // trainee01's G1:4 does not count: they wait for G3. trainee08's G1:2 counts at Great Lakes, which has no G1 capacity.
        AssertState(states["MI"], waiting: 0, waitingCases: 0, placed: 1, placedCases: 2, cases: 2, capacity: 0, open: 0, months: "no capacity", shade: "no-capacity");
        AssertState(states["MO"], waiting: 0, waitingCases: 0, placed: 0, placedCases: 0, cases: 0, capacity: 0, open: 0, months: "–", shade: "none");
        AssertWaitlist(waitlists["Midwest"], waiting: 0, waitingCases: 0, placedCases: 2, capacity: 0, open: 0, weeks: null, text: "no capacity");
        Assert.Equal("G1", page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#filter-category")!.Value);
    }

    [Fact]
    public async Task The_map_has_one_tile_per_state_and_the_table_mirrors_it()
    {
        await ArrangeAsync();

        var page = await PageAsync();

        var map = page.QuerySelector("svg[data-map='states']")!;
        Assert.Equal("img", map.GetAttribute("role"));
        Assert.Contains("G3", map.GetAttribute("aria-label"), StringComparison.Ordinal);
        var tiles = map.QuerySelectorAll("g[data-state]").ToDictionary(t => t.GetAttribute("data-state")!);
        Assert.Equal(UsState.All.Order(StringComparer.Ordinal), tiles.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            "MO: 11 G3 cases still needed (5 by 1 physician waiting, 6 by 1 physician placed), 8 training cases a month (1.38 months of demand), 1 open place.",
            tiles["MO"].QuerySelector("title")!.TextContent);
        Assert.Equal("NY: 2 G3 cases still needed (2 by 1 physician waiting, 0 by 0 physicians placed), no training cases a month, 0 open places.",
            tiles["NY"].QuerySelector("title")!.TextContent);

        var rows = page.QuerySelectorAll("table[data-chart='states'] tbody tr").ToList();
        Assert.Equal(tiles.Keys.Order(StringComparer.Ordinal), rows.Select(r => r.GetAttribute("data-key")!));
        Assert.All(rows, row =>
        {
            var tile = tiles[row.GetAttribute("data-key")!];
            Assert.Equal(tile.GetAttribute("data-shade"), row.GetAttribute("data-shade"));
            var title = tile.QuerySelector("title")!.TextContent;
            Assert.StartsWith($"{row.GetAttribute("data-key")}: {Number(row, "data-cases")} ", title, StringComparison.Ordinal);
            Assert.Contains($"({Number(row, "data-waiting-cases")} by ", title, StringComparison.Ordinal);
            Assert.Contains($", {Number(row, "data-placed-cases")} by ", title, StringComparison.Ordinal);
            Assert.Contains($" {Number(row, "data-open")} open ", title, StringComparison.Ordinal);
        });
        Assert.Equal(["none", "month", "quarter", "over", "no-capacity"], page.QuerySelectorAll("[data-legend]").Select(l => l.GetAttribute("data-legend")));
        Assert.Null(page.QuerySelector("[style]"));
    }

    [Fact]
    public async Task The_region_filter_narrows_the_map_the_table_and_the_waitlists()
    {
        await ArrangeAsync();

        var page = await PageAsync("?category=G3&region=South");

        var tiles = page.QuerySelectorAll("svg[data-map='states'] g[data-state]").Select(t => t.GetAttribute("data-state")!);
        Assert.Equal(UsRegion.StatesIn(UsRegion.South).Order(StringComparer.Ordinal), tiles.Order(StringComparer.Ordinal));
        Assert.Equal(UsRegion.StatesIn(UsRegion.South).Count, page.QuerySelectorAll("table[data-chart='states'] tbody tr").Length);
        Assert.Equal(["South"], Rows(page, "table[data-table='waitlists']").Keys);
        Assert.Empty(page.QuerySelectorAll(".alert-warning[role='status']"));
    }

    [Fact]
    public async Task Unknown_filters_are_ignored_with_a_message()
    {
        var page = await PageAsync("?category=G9&region=Atlantis");

        var messages = page.QuerySelectorAll(".alert-warning[role='status']").Select(a => a.TextContent).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.Contains("category", StringComparison.Ordinal) && m.Contains("G3 is shown", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("every region is shown", StringComparison.Ordinal));
        Assert.Equal(UsState.All.Count, page.QuerySelectorAll("svg[data-map='states'] g[data-state]").Length);
        Assert.Equal(UsRegion.All, Rows(page, "table[data-table='waitlists']").Keys);
    }

    [Theory]
    [InlineData(DemoAccounts.Staff)]
    [InlineData(DemoAccounts.Admin)]
    public async Task Network_staff_and_admins_see_the_page(string email)
    {
        var response = await (await portal.SignedInAsync(email)).GetAsync(Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(DemoAccounts.Trainee)]
    [InlineData(DemoAccounts.Preceptor)]
    [InlineData(DemoAccounts.Coordinator)]
    public async Task Other_roles_are_refused(string email)
    {
        var response = await (await portal.SignedInAsync(email)).GetAsync(Path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync(Path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private async Task ArrangeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var physicians = new Dictionary<int, Guid>();
        for (var n = 1; n <= 8; n++)
        {
            physicians[n] = await portal.TraineeIdAsync($"trainee{n:00}@trainingnetwork.test");
        }

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var centers = await db.Centers.ToDictionaryAsync(c => c.Name, c => c.Id);

        db.WaitlistEntries.Add(new WaitlistEntry(Guid.NewGuid(), physicians[1], "MO", UsRegion.Midwest, "G3", now));
        db.WaitlistEntries.Add(new WaitlistEntry(Guid.NewGuid(), physicians[2], "KY", UsRegion.Midwest, "G3", now));
        var offered = new WaitlistEntry(Guid.NewGuid(), physicians[3], "TX", UsRegion.South, "G3", now);
        offered.Offer(centers["Gulf Coast Radiation Oncology"], now, TimeSpan.FromHours(72));
        db.WaitlistEntries.Add(offered);
        db.WaitlistEntries.Add(new WaitlistEntry(Guid.NewGuid(), physicians[4], "NY", UsRegion.Northeast, "G3", now));
        var left = new WaitlistEntry(Guid.NewGuid(), physicians[5], "WA", UsRegion.West, "G3", now);
        left.Leave(now);
        db.WaitlistEntries.Add(left);
        db.Placements.Add(Accepted(physicians[6], centers["Gateway Theranostics Center"], "G3"));
        db.Placements.Add(Accepted(physicians[7], centers["Great Lakes Theranostics"], "G3"));
        db.Placements.Add(Accepted(physicians[8], centers["Great Lakes Theranostics"], "G1"));
        await db.SaveChangesAsync();

        // Set after saving: a save that changes a physician's evidence refreshes their summary from the engine.
        await db.Database.ExecuteSqlRawAsync("UPDATE readiness_summaries SET cases_still_needed = ARRAY[]::text[]");
        string[][] needs = [["G1:4", "G3:5"], ["G3:3"], ["G3:4"], ["G3:2"], ["G3:9"], ["G3:6"], ["G3:2"], ["G1:2"]];
        for (var n = 1; n <= 8; n++)
        {
            Assert.Equal(1, await db.Database.ExecuteSqlAsync(
                $"UPDATE readiness_summaries SET cases_still_needed = {needs[n - 1]} WHERE trainee_id = {physicians[n]}"));
        }

        Placement Accepted(Guid traineeId, Guid centerId, string category)
        {
            var placement = new Placement(Guid.NewGuid(), traineeId, centerId, today, now, category);
            placement.Accept(today);
            return placement;
        }
    }

    private async Task<IDocument> PageAsync(string query = "") =>
        await (await portal.SignedInAsync(DemoAccounts.Staff)).GetDocumentAsync(Path + query);

    /// <summary>A table's body rows by their data-key, in the order shown.</summary>
    private static Dictionary<string, IElement> Rows(IDocument page, string table) =>
        page.QuerySelectorAll($"{table} tbody tr").ToDictionary(row => row.GetAttribute("data-key")!);

    private static void AssertState(
        IElement row, int waiting, int waitingCases, int placed, int placedCases, int cases, int capacity, int open, string months, string shade)
    {
        Assert.Equal(
            (waiting, waitingCases, placed, placedCases, cases, capacity, open, months, shade),
            (Number(row, "data-waiting"), Number(row, "data-waiting-cases"), Number(row, "data-placed"), Number(row, "data-placed-cases"),
                Number(row, "data-cases"), Number(row, "data-capacity"), Number(row, "data-open"),
                row.QuerySelector("[data-months]")!.GetAttribute("data-months"), row.GetAttribute("data-shade")));
    }

    private static void AssertWaitlist(IElement row, int waiting, int waitingCases, int placedCases, int capacity, int open, int? weeks, string text)
    {
        var weeksCell = row.QuerySelector("[data-weeks]")!;
        Assert.Equal(
            (waiting, waitingCases, placedCases, capacity, open, weeks?.ToString(CultureInfo.InvariantCulture) ?? "", text),
            (Number(row, "data-waiting"), Number(row, "data-waiting-cases"), Number(row, "data-placed-cases"), Number(row, "data-capacity"),
                Number(row, "data-open"), weeksCell.GetAttribute("data-weeks"), weeksCell.TextContent.Trim()));
    }

    private static int Number(IElement row, string attribute) =>
        int.Parse(row.QuerySelector($"[{attribute}]")!.GetAttribute(attribute)!, CultureInfo.InvariantCulture);
}
