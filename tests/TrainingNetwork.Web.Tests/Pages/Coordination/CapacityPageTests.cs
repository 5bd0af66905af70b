using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Matching;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using static TrainingNetwork.Web.Tests.Pages.Coordination.CoordinationTestData;

namespace TrainingNetwork.Web.Tests.Pages.Coordination;

/// <summary>
/// The coordinator's capacity per category and claim policy. Demo Gateway: therapies Lutathera 6, Pluvicto 10, Xofigo 4
/// a month (all G3), G3 capacity 3 slots and 8 preceptor cases, 3 center-wide places, trainee14 placed.
/// </summary>
public sealed class CapacityPageTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string SodiumIodide = "Sodium iodide I-131 (oral)";
    private const string Unplaced = "trainee01@trainingnetwork.test"; // practises in MO, like Gateway; no placement

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync(await portal.PageUrlAsync("Capacity", Gateway));

        Assert.Equal("/Identity/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData(DemoAccounts.Trainee)]
    [InlineData(DemoAccounts.Preceptor)]
    [InlineData(DemoAccounts.Staff)]
    public async Task Other_roles_are_refused(string account)
    {
        var response = await (await portal.SignedInAsync(account)).GetAsync(await portal.PageUrlAsync("Capacity", Gateway));

        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Coordinator_of_another_center_gets_404_and_changes_nothing()
    {
        var gatewayPage = await (await portal.SignedInAsync(DemoAccounts.Coordinator)).GetDocumentAsync(await portal.PageUrlAsync("Capacity", Gateway));
        var bluegrass = await portal.SignedInAsync(BluegrassCoordinator);
        var ownPage = await bluegrass.GetDocumentAsync(await portal.PageUrlAsync("Capacity", Bluegrass));

        var read = await bluegrass.GetAsync(await portal.PageUrlAsync("Capacity", Gateway));
        var write = await bluegrass.PostAsync($"{await portal.PageUrlAsync("Capacity", Gateway)}?handler=Category", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Token(ownPage),
                ["Input.Category"] = "G3",
                ["Input.TraineeSlots"] = "9",
                ["Input.PreceptorCases"] = "9",
            }));

        Assert.NotNull(gatewayPage.QuerySelector("section[data-category='G3']"));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.Equal((3, 8), await G3Async());
    }

    [Fact]
    public async Task Page_shows_each_categorys_administrations_places_and_the_center_wide_limit()
    {
        var page = await OpenAsync();

        var g3 = page.QuerySelector("section[data-category='G3']")!;
        Assert.Equal(["Lu-177 dotatate (Lutathera)", "Lu-177 vipivotide tetraxetan (Pluvicto)", "Ra-223 dichloride (Xofigo)"],
            g3.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent));
        Assert.Equal("20", g3.QuerySelector(".administrations")!.TextContent);
        Assert.Equal("8", g3.QuerySelector(".training-cases")!.TextContent);
        Assert.Equal("1", g3.QuerySelector(".places-taken")!.TextContent);
        Assert.Equal("2", g3.QuerySelector(".open-places")!.TextContent);
        Assert.Equal("3", g3.QuerySelector<IHtmlInputElement>("input[name='Input.TraineeSlots']")!.Value);
        Assert.Equal("8", g3.QuerySelector<IHtmlInputElement>("input[name='Input.PreceptorCases']")!.Value);
        foreach (var category in new[] { "G1", "G2" })
        {
            var section = page.QuerySelector($"section[data-category='{category}']")!;
            Assert.Contains("No capacity set yet", section.TextContent);
            Assert.Equal("0", section.QuerySelector(".administrations")!.TextContent);
        }

        Assert.Contains("at most 3 trainee(s) at once across all categories together", page.QuerySelector(".capacity-explained")!.TextContent);
        Assert.Equal("1", page.QuerySelector<IHtmlInputElement>("#policy-max")!.Value);
        Assert.NotNull(page.QuerySelector($"a[href='{await portal.PageUrlAsync("Therapies", Gateway)}']"));
    }

    [Theory]
    [InlineData("abc", "8", "digits only")]
    [InlineData("-1", "8", "digits only")]
    [InlineData("2.5", "8", "digits only")]
    [InlineData("51", "8", "from 0 to 50")]
    [InlineData("", "8", "from 0 to 50")]
    [InlineData("3", "1,5", "digits only")]
    [InlineData("3", "501", "from 0 to 500")]
    public async Task Bad_numbers_are_refused_with_a_message_and_nothing_is_saved(string slots, string cases, string message)
    {
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);
        var page = await client.GetDocumentAsync(await portal.PageUrlAsync("Capacity", Gateway));

        var response = await SaveAsync(client, page, "G3", slots, cases);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await HtmlForms.ParseAsync(response);
        Assert.Contains(message, refused.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.NotNull(refused.QuerySelector("section[data-category='G3'] .is-invalid"));
        Assert.Null(refused.QuerySelector("section[data-category='G1'] .is-invalid"));
        Assert.Equal((3, 8), await G3Async());
        Assert.Empty(await portal.AuditOfAsync(AuditAction.CapacityChanged));
    }

    [Fact]
    public async Task A_category_that_is_not_G1_to_G3_is_refused()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);
        var page = await client.GetDocumentAsync(await portal.PageUrlAsync("Capacity", Gateway));

        var response = await SaveAsync(client, page, "G3", "4", "8", category: "L4");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("G1, G2 or G3", (await HtmlForms.ParseAsync(response)).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Single((await portal.CenterWithCapacitiesAsync(Gateway)).Capacities);
    }

    [Fact]
    public async Task Changing_a_category_saves_and_audits_it()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);
        var url = await portal.PageUrlAsync("Capacity", Gateway);

        var response = await SaveAsync(client, await client.GetDocumentAsync(url), "G3", " 2 ", "12");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal((2, 12), await G3Async());
        var audit = Assert.Single(await portal.AuditOfAsync(AuditAction.CapacityChanged));
        Assert.Equal("category_capacity", audit.SubjectType);
        Assert.NotNull(audit.BeforeSha256);
        Assert.NotEqual(audit.BeforeSha256, audit.AfterSha256);
        Assert.Contains("2 trainee slots and 12 preceptor-supervised cases", audit.Summary);
        var after = await client.GetDocumentAsync(url);
        Assert.Contains("G3 now takes 2 trainees", after.Body!.TextContent);
        Assert.Equal("1", after.QuerySelector("section[data-category='G3'] .open-places")!.TextContent);
    }

    [Fact]
    public async Task Setting_a_new_category_adds_its_row()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);

        var response = await SaveAsync(client, await client.GetDocumentAsync(await portal.PageUrlAsync("Capacity", Gateway)), "G2", "1", "4");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var g2 = Assert.Single((await portal.CenterWithCapacitiesAsync(Gateway)).Capacities, c => c.Category == "G2");
        Assert.Equal((1, 4), (g2.TraineeSlots, g2.PreceptorCasesPerMonth));
        Assert.Null(Assert.Single(await portal.AuditOfAsync(AuditAction.CapacityChanged)).BeforeSha256);
    }

    [Fact]
    public async Task Opening_places_offers_one_to_the_physician_waiting_in_the_region_and_category()
    {
        await portal.ChangeAsync(async db =>
            (await db.Centers.Include(c => c.Therapies).SingleAsync(c => c.Name == Gateway)).OfferTherapy(Guid.NewGuid(), SodiumIodide, 6));
        var entry = await portal.JoinWaitlistAsync(Unplaced, "G1");
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);
        var url = await portal.PageUrlAsync("Capacity", Gateway);
        var page = await client.GetDocumentAsync(url);
        Assert.Equal("6", page.QuerySelector("section[data-category='G1'] .administrations")!.TextContent);

        var response = await SaveAsync(client, page, "G1", "1", "5");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var offered = await portal.WaitlistEntryAsync(entry);
        Assert.Equal(WaitlistStatus.Offered, offered.Status);
        Assert.Equal(await portal.CenterIdAsync(Gateway), offered.OfferedCenterId);
        Assert.Single(await portal.AuditOfAsync(AuditAction.WaitlistOffered));
        var after = await client.GetDocumentAsync(url);
        Assert.Contains("1 place(s) were offered", after.Body!.TextContent);
        Assert.Equal("1", after.QuerySelector("section[data-category='G1'] .places-taken")!.TextContent);
        Assert.Equal("0", after.QuerySelector("section[data-category='G1'] .open-places")!.TextContent);
    }

    [Fact]
    public async Task Claim_policy_is_saved_and_audited()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);
        var url = await portal.PageUrlAsync("Capacity", Gateway);

        var response = await client.SubmitAsync(await client.GetDocumentAsync(url), "#policy-form",
            new Dictionary<string, string> { ["Policy.MaxTraineesPerAdministration"] = "3" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(3, (await portal.CenterAsync(Gateway)).MaxTraineesPerAdministration);
        var audit = Assert.Single(await portal.AuditOfAsync(AuditAction.CapacityChanged));
        Assert.Equal("center", audit.SubjectType);
        Assert.Contains("at most 3 trainee(s) per administration", audit.Summary);
        Assert.Equal("3", (await client.GetDocumentAsync(url)).QuerySelector<IHtmlInputElement>("#policy-max")!.Value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("two")]
    [InlineData("1.5")]
    [InlineData("-2")]
    [InlineData("")]
    public async Task A_bad_claim_policy_is_refused_with_a_message_and_nothing_is_saved(string value)
    {
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);

        var response = await client.SubmitAsync(await client.GetDocumentAsync(await portal.PageUrlAsync("Capacity", Gateway)), "#policy-form",
            new Dictionary<string, string> { ["Policy.MaxTraineesPerAdministration"] = value });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await HtmlForms.ParseAsync(response);
        Assert.Contains("Enter a whole number from 1 to 10", refused.QuerySelector("#policy-error")!.TextContent);
        Assert.Equal(value, refused.QuerySelector<IHtmlInputElement>("#policy-max")!.Value);
        Assert.Equal(1, (await portal.CenterAsync(Gateway)).MaxTraineesPerAdministration);
        Assert.Empty(await portal.AuditOfAsync(AuditAction.CapacityChanged));
    }

    private async Task<IHtmlDocument> OpenAsync() =>
        await (await portal.SignedInAsync(DemoAccounts.Coordinator)).GetDocumentAsync(await portal.PageUrlAsync("Capacity", Gateway));

    private static Task<HttpResponseMessage> SaveAsync(
        HttpClient client, IHtmlDocument page, string formCategory, string slots, string cases, string? category = null)
    {
        var values = new Dictionary<string, string> { ["Input.TraineeSlots"] = slots, ["Input.PreceptorCases"] = cases };
        if (category is not null)
        {
            values["Input.Category"] = category;
        }

        return client.SubmitAsync(page, $"section[data-category='{formCategory}'] form", values);
    }

    private async Task<(int Slots, int Cases)> G3Async()
    {
        var g3 = (await portal.CenterWithCapacitiesAsync(Gateway)).Capacities.Single(c => c.Category == "G3");
        return (g3.TraineeSlots, g3.PreceptorCasesPerMonth);
    }

    private static string Token(IHtmlDocument page) =>
        page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
}
