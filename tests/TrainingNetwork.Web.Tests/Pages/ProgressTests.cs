using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages;

public sealed class ProgressTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Progress_page_shows_the_engines_verdict_with_citations()
    {
        var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Trainee, DemoAccounts.Password);

        var page = await client.GetDocumentAsync("/Progress");

        var g3 = page.QuerySelector("article[data-category='G3']")!;
        Assert.Equal("NOT_QUALIFIED", g3.GetAttribute("data-status"));
        var codes = g3.QuerySelectorAll("li[data-code]").Select(li => li.GetAttribute("data-code")).ToList();
        Assert.Contains("CASES_MIN", codes);
        Assert.Contains("ATTESTATION_MISSING", codes);
        Assert.Contains("10 CFR 35.396(b)(3)", g3.TextContent);
        Assert.Contains(page.QuerySelectorAll("[role=progressbar]"), bar => bar.GetAttribute("aria-label") == "Classroom and laboratory hours");
    }

    [Fact]
    public async Task Downloaded_record_evaluates_to_exactly_what_the_page_shows()
    {
        var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Trainee, DemoAccounts.Password);
        var page = await client.GetDocumentAsync("/Progress");
        var shown = page.QuerySelectorAll("article[data-category]").Select(a => (a.GetAttribute("data-category")!, a.GetAttribute("data-status")!)).ToList();

        var download = await client.GetAsync("/Progress/Record");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        var record = await download.Content.ReadAsStringAsync();
        var evaluated = await portal.CreateClient().PostAsync("/api/v1/readiness/evaluate", new StringContent(record, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, evaluated.StatusCode);
        var result = JsonNode.Parse(await evaluated.Content.ReadAsStringAsync())!;
        var fromApi = result["categories"]!.AsArray().Select(c => (c!["category"]!.GetValue<string>(), c["status"]!.GetValue<string>())).ToList();
        Assert.Equal(shown, fromApi);
        Assert.NotEmpty(result["cases"]!.AsArray());
    }

    [Fact]
    public async Task Printable_summary_lists_the_cases_and_the_verdict()
    {
        var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Trainee, DemoAccounts.Password);

        var page = await client.GetDocumentAsync("/Progress/Summary");

        Assert.StartsWith("Training summary", page.Heading());
        Assert.NotNull(page.QuerySelector("article[data-category='G3']"));
        Assert.Contains("Lu-177 dotatate", page.Body!.TextContent);
    }

    [Theory]
    [InlineData("/Progress/Record")]
    [InlineData("/Progress/Summary")]
    public async Task A_preceptor_cannot_open_a_physicians_record(string path)
    {
        var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Preceptor, DemoAccounts.Password);

        var response = await client.GetAsync(path);

        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
    }
}
