using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages.Centers;

public sealed class CenterDetailsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        var client = portal.CreateBrowserLikeClient();
        var gateway = await GatewayPathAsync();

        var response = await client.GetAsync(gateway);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Center_page_shows_license_therapies_preceptors_and_open_places()
    {
        var page = await PageAsync(DemoAccounts.Staff, await GatewayPathAsync());

        Assert.Equal("Gateway Theranostics Center", page.Heading());
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("St. Louis, MO", text);
        Assert.Contains("Gateway University Hospital", text);
        Assert.Contains("24-31001-01", text);
        Assert.Contains("NRC", page.QuerySelector("dl")!.TextContent);
        var therapies = page.QuerySelectorAll("table tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["Lu-177 dotatate (Lutathera) | 6", "Lu-177 vipivotide tetraxetan (Pluvicto) | 10", "Ra-223 dichloride (Xofigo) | 4"], therapies);
        Assert.Equal(["Dr. Alice Lee", "Dr. Robert Hayes"], page.QuerySelectorAll(".preceptors li").Select(li => li.TextContent.Trim()));
        Assert.Contains("2 of 3 places open", page.QuerySelector(".open-places")!.TextContent);
    }

    [Fact]
    public async Task Unknown_center_is_not_found()
    {
        var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Trainee, DemoAccounts.Password);

        var response = await client.GetAsync($"/Centers/Details/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Physician_with_an_accepted_placement_sees_it_and_no_request_button()
    {
        var page = await PageAsync(DemoAccounts.Trainee, await GatewayPathAsync());

        Assert.Equal(["Accepted"], page.QuerySelectorAll(".my-placements .placement-status").Select(s => s.TextContent.Trim()));
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => a.TextContent.Contains("Request a placement", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Physician_without_a_placement_there_is_offered_a_request()
    {
        var page = await PageAsync("trainee07@trainingnetwork.test", await GatewayPathAsync());

        Assert.Empty(page.QuerySelectorAll(".my-placements li"));
        var request = page.QuerySelectorAll<IHtmlAnchorElement>("a").Single(a => a.TextContent.Contains("Request a placement", StringComparison.Ordinal));
        Assert.Equal($"/Placements/Request?centerId={GatewayId(page)}", request.GetAttribute("href"));
    }

    [Fact]
    public async Task Preceptor_sees_no_placement_section()
    {
        var page = await PageAsync(DemoAccounts.Preceptor, await GatewayPathAsync());

        Assert.Null(page.QuerySelector("#mine-heading"));
        Assert.DoesNotContain("Request a placement", page.Body!.TextContent);
    }

    private async Task<IHtmlDocument> PageAsync(string email, string url)
    {
        var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(email, DemoAccounts.Password);
        return await client.GetDocumentAsync(url);
    }

    private async Task<string> GatewayPathAsync()
    {
        var directory = await PageAsync(DemoAccounts.Staff, "/Centers?state=MO");
        return directory.QuerySelector(".center-card h3 a")!.GetAttribute("href")!;
    }

    private static string GatewayId(IHtmlDocument page) => page.Url.Split('/')[^1];
}
