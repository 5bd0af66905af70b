using System.Net;
using TrainingNetwork.Web.Tests.Api;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Security;

/// <summary>Each account form allows 3 posts a minute per address in this factory; reading them is not counted.</summary>
public sealed class AccountRateLimitTests(RateLimitedPortalFactory portal) : IClassFixture<RateLimitedPortalFactory>
{
    [Theory]
    [InlineData("/Identity/Account/Login", "form#account")]
    [InlineData("/Identity/Account/Register", "form#register")]
    [InlineData("/Identity/Account/ForgotPassword", "main form")]
    public async Task Past_the_limit_posts_get_429_with_retry_after_and_a_readable_page(string path, string form)
    {
        var client = portal.CreateBrowserLikeClient();
        var page = await client.GetDocumentAsync(path);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.SubmitAsync(page, form, new Dictionary<string, string> { ["Input.Email"] = $"nobody{i}@example.org" })).StatusCode);
        }

        var refused = await client.SubmitAsync(page, form, new Dictionary<string, string> { ["Input.Email"] = "nobody@example.org" });
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many requests", (await HtmlForms.ParseAsync(refused)).Body!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }
}
