using System.Net;
using TrainingNetwork.Web.Tests.Api;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Security;

/// <summary>Row 31 of the bad-input table, with the account forms limited to 3 posts a minute per address.</summary>
public sealed class BadInputRateLimitTests(RateLimitedPortalFactory portal) : IClassFixture<RateLimitedPortalFactory>
{
    [Fact]
    public async Task Row31_rotating_forwarded_for_addresses_do_not_escape_the_sign_in_limit()
    {
        var client = portal.CreateBrowserLikeClient();
        var login = await client.GetDocumentAsync("/Identity/Account/Login");

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            client.DefaultRequestHeaders.Remove("X-Forwarded-For");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i}");
            statuses.Add((await client.SubmitAsync(login, "form#account", new Dictionary<string, string> { ["Input.Email"] = $"nobody{i}@example.org" })).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..3]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
    }
}
