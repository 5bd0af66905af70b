using System.Net;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using static TrainingNetwork.Web.Tests.Pages.Coordination.CoordinationTestData;

namespace TrainingNetwork.Web.Tests.Pages.Coordination;

/// <summary>Who may open the center pages, and the read-only trainees page. Nothing here changes data.</summary>
public sealed class CoordinationAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> Pages => [.. CenterPages];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_visitor_is_sent_to_sign_in(string page)
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync(await portal.PageUrlAsync(page, Gateway));

        Assert.Equal("/Identity/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Trainee_and_preceptor_are_refused(string page)
    {
        var url = await portal.PageUrlAsync(page, Gateway);

        foreach (var account in new[] { DemoAccounts.Trainee, DemoAccounts.Preceptor })
        {
            var response = await (await portal.SignedInAsync(account)).GetAsync(url);
            Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Coordinator_of_another_center_gets_404(string page)
    {
        var client = await portal.SignedInAsync(BluegrassCoordinator);

        var other = await client.GetAsync(await portal.PageUrlAsync(page, Gateway));
        var own = await client.GetAsync(await portal.PageUrlAsync(page, Bluegrass));

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task My_center_links_every_page_of_each_center()
    {
        var gatewayId = await portal.CenterIdAsync(Gateway);
        var index = await (await portal.SignedInAsync(DemoAccounts.Coordinator)).GetDocumentAsync("/Coordination");

        var links = index.QuerySelectorAll(".center-actions a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(CenterPages.Select(page => $"/Coordination/{page}/{gatewayId}"), links);
        Assert.NotNull(index.QuerySelector("a[href='/Coordination/Placements']"));
    }

    [Fact]
    public async Task Trainees_page_shows_the_engines_verdict_for_the_physician_training_at_gateway()
    {
        var page = await (await portal.SignedInAsync(DemoAccounts.Coordinator)).GetDocumentAsync(await portal.PageUrlAsync("Trainees", Gateway));

        var row = Assert.Single(page.QuerySelectorAll("section[aria-labelledby='current-heading'] tbody tr"));
        Assert.Equal("Dr. Kwame Mensah", row.QuerySelector("th")!.TextContent);
        var category = Assert.Single(row.QuerySelectorAll("[data-category]"));
        Assert.Equal("G3", category.GetAttribute("data-category"));
        Assert.Equal("NOT_QUALIFIED", category.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Matches(@"\d+ points? still missing", category.TextContent);
        Assert.DoesNotContain("trainee14@", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
