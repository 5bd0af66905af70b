using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Security;

/// <summary>Requirements 41 and 50 with the portal in Production mode: what an error or a probe for hidden pages reveals.</summary>
public sealed class BadInputProductionTests(ProductionPortalFactory portal) : IClassFixture<ProductionPortalFactory>
{
    private const string FailurePath = "/test-only/unexpected-failure";

    [Fact]
    public async Task Req41_unexpected_error_shows_the_generic_page_with_its_correlation_id_and_no_internals()
    {
        await using var failing = portal.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, UnexpectedFailure>()));
        var client = failing.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var response = await client.GetAsync(FailurePath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        var correlationId = response.Headers.GetValues(LoggingSetup.CorrelationHeader).Single();
        Assert.Equal(correlationId, page.QuerySelector("[data-testid='correlation-id']")!.TextContent.Trim());
        var body = await response.Content.ReadAsStringAsync();
        foreach (var leak in new[] { "Npgsql", "Exception", "   at ", "/srv/portal", "secret-column" })
        {
            Assert.DoesNotContain(leak, body);
        }
    }

    [Theory]
    [InlineData("/Dev/Mailbox")]
    [InlineData("/Dev/Message/5f0c8a43-52a4-4c8e-9a57-2a9c3c1f4d11")]
    public async Task Req50_development_pages_are_not_found(string path)
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/swagger")]
    [InlineData("/swagger/index.html")]
    [InlineData("/test/fault")]
    public async Task Req50_paths_nothing_serves_send_a_visitor_to_sign_in_and_reveal_nothing(string path)
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync(path);

        // Every page requires sign-in unless it says otherwise, so an unknown address answers like a private one.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.AbsolutePath);
        Assert.Equal(0, response.Content.Headers.ContentLength ?? 0);
    }

    [Fact]
    public async Task Req50_readiness_probe_answers_with_its_status_word_only_whatever_is_asked()
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync("/health/ready?details=true");

        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// An anonymous endpoint at <see cref="FailurePath"/> that fails the way a bug would, with internals in its message.
    /// Routing keeps an endpoint chosen before it, so the endpoint runs inside the portal's own error handling.
    /// </summary>
    private sealed class UnexpectedFailure : IStartupFilter
    {
        private static readonly Endpoint Failing = new(
            _ => throw new InvalidOperationException("Npgsql.PostgresException: column secret-column at /srv/portal/Data/AppDbContext.cs:42"),
            new EndpointMetadataCollection(new AllowAnonymousAttribute()),
            "unexpected failure");

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Path == FailurePath)
                {
                    context.SetEndpoint(Failing);
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
