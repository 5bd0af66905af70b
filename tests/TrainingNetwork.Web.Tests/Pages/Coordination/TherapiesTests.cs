using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Cases;
using static TrainingNetwork.Web.Tests.Pages.Coordination.CoordinationTestData;
using TrainingData = TrainingNetwork.Web.Tests.Pages.Training.TrainingTestData;

namespace TrainingNetwork.Web.Tests.Pages.Coordination;

public sealed class TherapiesTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Quadramet = "Sm-153 lexidronam (Quadramet)";
    private const string SodiumIodide = "Sodium iodide I-131 (oral)";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Page_shows_each_therapy_with_the_engines_category()
    {
        var page = await OpenAsync(DemoAccounts.Coordinator, Gateway);

        Assert.Equal(["Lu-177 dotatate (Lutathera)", "Lu-177 vipivotide tetraxetan (Pluvicto)", "Ra-223 dichloride (Xofigo)"],
            page.QuerySelectorAll("[data-therapy] .therapy-name").Select(th => th.TextContent.Trim()));
        Assert.All(page.QuerySelectorAll(".therapy-category"), category => Assert.Equal("(G)(3) parenteral", category.TextContent));
        var addable = page.QuerySelectorAll("#add-agent option").Select(o => o.TextContent).ToList();
        Assert.Contains(SodiumIodide, addable);
        Assert.DoesNotContain("Ga-68 dotatate (NETSPOT)", addable);
        Assert.DoesNotContain(Lutathera, addable);
    }

    [Fact]
    public async Task Adding_a_therapy_saves_it_with_its_capacity()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);
        var url = await portal.PageUrlAsync("Therapies", Gateway);

        var response = await AddAsync(client, url, SodiumIodide, "12");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(12, (await portal.CenterAsync(Gateway)).Therapies.Single(t => t.Agent == SodiumIodide).MonthlyCaseCapacity);
        var row = Row(await client.GetDocumentAsync(url), SodiumIodide);
        Assert.Equal("(G)(1) oral or (G)(2) oral", row.QuerySelector(".therapy-category")!.TextContent);
    }

    [Theory]
    [InlineData("Made-up agent", "5", "Choose a radiopharmaceutical from the list.")]
    [InlineData("Ga-68 dotatate (NETSPOT)", "5", "Choose a radiopharmaceutical from the list.")]
    [InlineData(Lutathera, "5", "is already on the list")]
    [InlineData(Quadramet, "3,7", "digits only")]
    [InlineData(Quadramet, "-1", "digits only")]
    [InlineData(Quadramet, "501", "from 0 to 500")]
    [InlineData(Quadramet, "", "from 0 to 500")]
    public async Task Adding_bad_input_is_refused_with_a_message_and_nothing_is_saved(string agent, string capacity, string message)
    {
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);

        var response = await AddAsync(client, await portal.PageUrlAsync("Therapies", Gateway), agent, capacity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await HtmlForms.ParseAsync(response)).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal(3, (await portal.CenterAsync(Gateway)).Therapies.Count);
        Assert.Equal(6, (await portal.CenterAsync(Gateway)).Therapies.Single(t => t.Agent == Lutathera).MonthlyCaseCapacity);
    }

    [Fact]
    public async Task Changing_the_capacity_saves_it()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);
        var url = await portal.PageUrlAsync("Therapies", Gateway);
        var page = await client.GetDocumentAsync(url);

        var response = await client.SubmitAsync(page, $"[data-therapy='{TherapyId(page, Lutathera)}'] form[action*='handler=Capacity']",
            new Dictionary<string, string> { ["Input.Capacity"] = " 14 " });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(14, (await portal.CenterAsync(Gateway)).Therapies.Single(t => t.Agent == Lutathera).MonthlyCaseCapacity);
    }

    [Fact]
    public async Task Capacity_with_a_comma_is_refused_in_its_row_and_nothing_is_saved()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);
        var page = await client.GetDocumentAsync(await portal.PageUrlAsync("Therapies", Gateway));
        var id = TherapyId(page, Lutathera);

        var response = await client.SubmitAsync(page, $"[data-therapy='{id}'] form[action*='handler=Capacity']",
            new Dictionary<string, string> { ["Input.Capacity"] = "3,7" });

        var shown = await HtmlForms.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("digits only", shown.QuerySelector($"#capacity-error-{id}")!.TextContent);
        Assert.Equal("3,7", shown.QuerySelector<IHtmlInputElement>($"#capacity-{id}")!.Value);
        Assert.Equal("true", shown.QuerySelector($"#capacity-{id}")!.GetAttribute("aria-invalid"));
        Assert.Equal(6, (await portal.CenterAsync(Gateway)).Therapies.Single(t => t.Agent == Lutathera).MonthlyCaseCapacity);
    }

    [Fact]
    public async Task Stopping_a_therapy_deletes_it()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);
        var url = await portal.PageUrlAsync("Therapies", Gateway);
        var page = await client.GetDocumentAsync(url);

        var response = await client.SubmitAsync(page, $"[data-therapy='{TherapyId(page, Lutathera)}'] form[action*='handler=Stop']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(Lutathera, (await portal.CenterAsync(Gateway)).Therapies.Select(t => t.Agent));
        Assert.Equal(0, await portal.QueryAsync(db => Task.FromResult(db.CenterTherapies.Count(t => t.Agent == Lutathera && db.Centers.Any(c => c.Id == t.CenterId && c.Name == Gateway)))));
        Assert.Contains($"{Lutathera} is no longer offered.", (await client.GetDocumentAsync(url)).QuerySelector("[role='status']")!.TextContent);
    }

    [Fact]
    public async Task Coordinator_of_another_center_gets_404_and_changes_nothing()
    {
        var gatewayUrl = await portal.PageUrlAsync("Therapies", Gateway);
        var gatewayTherapy = TherapyId(await OpenAsync(DemoAccounts.Coordinator, Gateway), Lutathera);
        var client = await portal.SignedInAsync(BluegrassCoordinator);
        var bluegrassUrl = await portal.PageUrlAsync("Therapies", Bluegrass);
        var own = await client.GetDocumentAsync(bluegrassUrl);

        var get = await client.GetAsync(gatewayUrl);
        var add = await TrainingData.PostWithTokenAsync(client, own, gatewayUrl + "?handler=Add", new Dictionary<string, string> { ["IdempotencyKey"] = Guid.NewGuid().ToString(), ["Input.Agent"] = Quadramet, ["Input.Capacity"] = "4" });
        var change = await TrainingData.PostWithTokenAsync(client, own, gatewayUrl + "?handler=Capacity", new Dictionary<string, string> { ["Input.TherapyId"] = gatewayTherapy.ToString(), ["Input.Capacity"] = "0" });
        var stop = await TrainingData.PostWithTokenAsync(client, own, gatewayUrl + "?handler=Stop", new Dictionary<string, string> { ["Input.TherapyId"] = gatewayTherapy.ToString() });
        var viaOwnCenter = await TrainingData.PostWithTokenAsync(client, own, bluegrassUrl + "?handler=Stop", new Dictionary<string, string> { ["Input.TherapyId"] = gatewayTherapy.ToString() });

        Assert.All([get, add, change, stop, viaOwnCenter], response => Assert.Equal(HttpStatusCode.NotFound, response.StatusCode));
        var gateway = await portal.CenterAsync(Gateway);
        Assert.Equal(3, gateway.Therapies.Count);
        Assert.Equal(6, gateway.Therapies.Single(t => t.Agent == Lutathera).MonthlyCaseCapacity);
    }


    private async Task<IDocument> OpenAsync(string coordinator, string center) =>
        await (await portal.SignedInAsync(coordinator)).GetDocumentAsync(await portal.PageUrlAsync("Therapies", center));

    private static async Task<HttpResponseMessage> AddAsync(HttpClient client, string url, string agent, string capacity) =>
        await client.SubmitAsync(await client.GetDocumentAsync(url), "form#add-therapy", new Dictionary<string, string>
        {
            ["Input.Agent"] = agent,
            ["Input.Capacity"] = capacity,
        });

    private static IElement Row(IDocument page, string agent) =>
        page.QuerySelectorAll("[data-therapy]").Single(row => row.QuerySelector(".therapy-name")!.TextContent.Trim() == agent);

    private static Guid TherapyId(IDocument page, string agent) => Guid.Parse(Row(page, agent).GetAttribute("data-therapy")!);
}
