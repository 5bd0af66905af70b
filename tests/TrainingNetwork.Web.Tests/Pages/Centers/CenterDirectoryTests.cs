using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages.Centers;

public sealed partial class CenterDirectoryTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Gateway = "Gateway Theranostics Center";
    private const string Lakeshore = "Lakeshore Cancer Institute";
    private const string Cascade = "Cascade Radiopharmaceutical Therapy Center";
    private const string FrontRange = "Front Range Cancer Center";
    private const string Bluegrass = "Bluegrass Community Oncology";
    private const string GreatLakes = "Great Lakes Theranostics";
    private const string GulfCoast = "Gulf Coast Radiation Oncology";
    private const string BigSky = "Big Sky Cancer Care";
    private const string Xofigo = "Ra-223 dichloride (Xofigo)";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync("/Centers");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData(DemoAccounts.Trainee)]
    [InlineData(DemoAccounts.Preceptor)]
    [InlineData(DemoAccounts.Coordinator)]
    [InlineData(DemoAccounts.Staff)]
    public async Task Every_signed_in_role_sees_every_demo_center_without_filters(string email)
    {
        var names = await CentersListedAsync(email, "/Centers");

        Assert.Equal([BigSky, Bluegrass, Cascade, FrontRange, Gateway, GreatLakes, GulfCoast, Lakeshore], names);
    }

    [Fact]
    public async Task State_filter_lists_only_the_centers_in_that_state() =>
        Assert.Equal([Gateway], await CentersListedAsync("/Centers?state=MO"));

    [Fact]
    public async Task State_filter_accepts_a_lower_case_code_from_a_hand_written_link() =>
        Assert.Equal([Gateway], await CentersListedAsync("/Centers?state=mo"));

    [Fact]
    public async Task Region_filter_lists_the_centers_in_the_regions_states() =>
        Assert.Equal([BigSky, Cascade, FrontRange], await CentersListedAsync("/Centers?region=West"));

    [Fact]
    public async Task Therapy_filter_lists_the_centers_offering_it() =>
        Assert.Equal([BigSky, Bluegrass, FrontRange, Gateway, GulfCoast, Lakeshore], await CentersListedAsync("/Centers?therapy=" + Uri.EscapeDataString(Xofigo)));

    [Fact]
    public async Task Filters_combine_with_and() =>
        Assert.Equal([Gateway, Lakeshore], await CentersListedAsync("/Centers?region=Midwest&therapy=" + Uri.EscapeDataString(Xofigo)));

    [Theory]
    [InlineData("lake", new[] { GreatLakes, Lakeshore })]
    [InlineData("SEATTLE", new[] { Cascade })]
    [InlineData("  St. Louis ", new[] { Gateway })]
    public async Task Search_matches_name_or_city_ignoring_case(string search, string[] expected) =>
        Assert.Equal(expected, await CentersListedAsync("/Centers?q=" + Uri.EscapeDataString(search)));

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("G%y")]
    public async Task Search_treats_wildcards_as_plain_characters(string search) =>
        Assert.Empty(await CentersListedAsync("/Centers?q=" + Uri.EscapeDataString(search)));

    [Fact]
    public async Task Search_with_sql_injection_finds_nothing_and_leaves_the_table_intact()
    {
        var page = await PageAsync(DemoAccounts.Trainee, "/Centers?q=" + Uri.EscapeDataString("'; DROP TABLE centers;--"));

        Assert.Empty(CenterNames(page));
        Assert.Contains("No center matches", page.QuerySelector(".empty-state")!.TextContent);
        Assert.Equal(8L, await ScalarAsync("SELECT count(*) FROM centers"));
    }

    [Fact]
    public async Task No_match_explains_and_links_to_clearing_the_filters()
    {
        var page = await PageAsync(DemoAccounts.Trainee, "/Centers?region=Northeast&open=true");

        var empty = page.QuerySelector(".empty-state")!;
        Assert.Contains("No center matches", empty.TextContent);
        Assert.Equal("/Centers", empty.QuerySelector("a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/Centers?region=Pacific", "Choose a region from the list.")]
    [InlineData("/Centers?state=ZZ", "Choose a state from the list.")]
    [InlineData("/Centers?therapy=Aspirin", "Choose a therapy from the list.")]
    [InlineData("/Centers?q=%3Cscript%3E", "Remove angle-bracket markup")]
    [InlineData("/Centers?q=a%00b", "Remove invalid or invisible characters.")]
    public async Task Unknown_filter_value_is_explained_next_to_its_field(string url, string message)
    {
        var page = await PageAsync(DemoAccounts.Trainee, url);

        Assert.Contains(message, page.QuerySelector(".invalid-feedback")!.TextContent);
        Assert.Empty(CenterNames(page));
    }

    [Fact]
    public async Task Filters_are_kept_in_the_form_so_the_search_can_be_refined()
    {
        var page = await PageAsync(DemoAccounts.Trainee, "/Centers?q=lake&region=Midwest&open=true");

        Assert.Equal("lake", page.QuerySelector<IHtmlInputElement>("#q")!.Value);
        Assert.Equal("Midwest", page.QuerySelector<IHtmlSelectElement>("#region")!.Value);
        Assert.True(page.QuerySelector<IHtmlInputElement>("#open")!.IsChecked);
    }

    [Fact]
    public async Task Open_places_match_the_slots_minus_accepted_placements_counted_in_sql()
    {
        var expected = await OpenPlacesBySqlAsync();

        var page = await PageAsync(DemoAccounts.Trainee, "/Centers");

        Assert.Equal(expected, OpenPlacesShown(page));
        Assert.Equal(2, expected[Gateway]); // three places, one taken by trainee14's accepted placement
    }

    [Fact]
    public async Task Open_places_filter_leaves_out_a_center_that_is_full()
    {
        await FillBigSkyAsync();
        var expected = await OpenPlacesBySqlAsync();
        Assert.Equal(0, expected[BigSky]);

        var open = await CentersListedAsync("/Centers?open=true");
        var page = await PageAsync(DemoAccounts.Trainee, "/Centers");

        Assert.Equal(expected.Where(c => c.Value > 0).Select(c => c.Key).Order(), open);
        Assert.DoesNotContain(BigSky, open);
        Assert.Equal(expected, OpenPlacesShown(page));
    }

    private async Task<IReadOnlyList<string>> CentersListedAsync(string url) => await CentersListedAsync(DemoAccounts.Trainee, url);

    private async Task<IReadOnlyList<string>> CentersListedAsync(string email, string url) => CenterNames(await PageAsync(email, url));

    private async Task<IHtmlDocument> PageAsync(string email, string url)
    {
        var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(email, DemoAccounts.Password);
        return await client.GetDocumentAsync(url);
    }

    private static List<string> CenterNames(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".center-card h3").Select(h => h.TextContent.Trim())];

    private static Dictionary<string, int> OpenPlacesShown(IHtmlDocument page) =>
        page.QuerySelectorAll(".center-card").ToDictionary(
            card => card.QuerySelector("h3")!.TextContent.Trim(),
            card => OpenCount().Match(card.QuerySelector(".open-places")!.TextContent) is { Success: true } match ? int.Parse(match.Groups[1].Value) : 0);

    private async Task<Dictionary<string, int>> OpenPlacesBySqlAsync()
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT c.name, c.trainee_slots - (SELECT count(*) FROM placements p WHERE p.center_id = c.id AND p.status = 'Accepted')::int FROM centers c",
            connection);
        var open = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            open[reader.GetString(0)] = Math.Max(0, reader.GetInt32(1));
        }

        return open;
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    // Big Sky has two places and one accepted placement in the demo; accepting trainee07 fills it.
    private async Task FillBigSkyAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var bigSky = db.Centers.Single(c => c.Name == BigSky);
        var trainee = db.Trainees.Single(t => t.UserId == db.Users.Single(u => u.Email == "trainee07@trainingnetwork.test").Id);
        var placement = new Placement(Guid.NewGuid(), trainee.Id, bigSky.Id, new DateOnly(2026, 1, 5), DateTimeOffset.UtcNow);
        placement.Accept(new DateOnly(2026, 1, 5));
        db.Placements.Add(placement);
        await db.SaveChangesAsync();
    }

    [GeneratedRegex(@"(\d+) of \d+ places open")]
    private static partial Regex OpenCount();
}
