using System.Net;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Operations;

public sealed class OperationsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_anonymously(string path)
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_response_carries_a_correlation_id_and_keeps_a_well_formed_one()
    {
        var client = portal.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add(LoggingSetup.CorrelationHeader, "support-ticket-42");

        var response = await client.GetAsync("/Identity/Account/Login");

        Assert.Equal("support-ticket-42", response.Headers.GetValues(LoggingSetup.CorrelationHeader).Single());
    }

    [Fact]
    public async Task Malformed_correlation_id_is_replaced()
    {
        var client = portal.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation(LoggingSetup.CorrelationHeader, "<script>alert(1)</script>");

        var response = await client.GetAsync("/health/live");

        Assert.DoesNotContain("<", response.Headers.GetValues(LoggingSetup.CorrelationHeader).Single());
    }

    [Fact]
    public async Task Unknown_page_shows_a_friendly_404_with_its_reference()
    {
        var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Trainee, DemoAccounts.Password);

        var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("Page not found", page.Heading());
        Assert.Contains(response.Headers.GetValues(LoggingSetup.CorrelationHeader).Single(), page.Body!.TextContent);
    }

    [Fact]
    public async Task Error_page_apologises_and_quotes_the_reference_to_give_support()
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync("/Error");

        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("Something went wrong", page.Heading());
        Assert.Equal(response.Headers.GetValues(LoggingSetup.CorrelationHeader).Single(), page.QuerySelector("[data-testid=correlation-id]")!.TextContent);
    }

    [Theory]
    [InlineData("/css/site.css")]
    [InlineData("/lib/bootstrap/bootstrap.min.css")]
    public async Task Static_assets_are_served_to_anonymous_visitors(string path)
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
