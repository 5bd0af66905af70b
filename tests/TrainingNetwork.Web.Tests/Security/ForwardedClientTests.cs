using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using TrainingNetwork.Web.Tests.Api;

namespace TrainingNetwork.Web.Tests.Security;

/// <summary>Behind a proxy on the same host, each client is limited by its own address, not the proxy's.</summary>
public sealed class ForwardedClientTests(RateLimitedPortalFactory portal) : IClassFixture<RateLimitedPortalFactory>
{
    [Fact]
    public async Task Clients_behind_a_loopback_proxy_have_separate_rate_limits()
    {
        var first = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            first.Add(await EvaluateThroughProxyAsync("203.0.113.10"));
        }

        var second = await EvaluateThroughProxyAsync("203.0.113.11");

        Assert.Equal([200, 200, 200, 429], first);
        Assert.Equal(200, second);
    }

    [Fact]
    public async Task A_forwarded_address_from_an_unknown_proxy_is_ignored()
    {
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await EvaluateAsync(IPAddress.Parse("198.51.100.7"), $"203.0.113.{20 + i}"));
        }

        Assert.Equal([200, 200, 200, 429], statuses);
    }

    private Task<int> EvaluateThroughProxyAsync(string client) => EvaluateAsync(IPAddress.Loopback, client);

    private async Task<int> EvaluateAsync(IPAddress peer, string forwardedFor)
    {
        var context = await portal.Server.SendAsync(http =>
        {
            http.Connection.RemoteIpAddress = peer;
            http.Request.Method = HttpMethods.Post;
            http.Request.Path = "/api/v1/readiness/evaluate";
            http.Request.Headers["X-Forwarded-For"] = forwardedFor;
            http.Request.ContentType = "application/json";
            http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(ReadinessApiTests.ExampleRecord()));
        });
        return context.Response.StatusCode;
    }
}
