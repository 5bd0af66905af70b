using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Security;

public sealed partial class SecurityHeadersTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/Readiness")]
    [InlineData("/no-such-page")]
    [InlineData("/health/live")]
    public async Task Every_response_carries_the_strict_policy_headers(string path)
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp);
        Assert.Matches(NoncedScripts(), csp);
        Assert.Contains("style-src 'self';", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("base-uri 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.DoesNotContain("unsafe", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
    }

    [Fact]
    public async Task Every_script_carries_this_responses_nonce_and_nonces_differ_between_responses()
    {
        var client = portal.CreateBrowserLikeClient();

        var first = await client.GetAsync("/Identity/Account/Login");
        var second = await client.GetAsync("/Identity/Account/Login");

        var nonce = NoncedScripts().Match(Header(first, "Content-Security-Policy")).Groups["nonce"].Value;
        var html = await first.Content.ReadAsStringAsync();
        var scripts = ScriptTags().Matches(html);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.Contains($"nonce=\"{nonce}\"", tag.Value));
        Assert.NotEqual(nonce, NoncedScripts().Match(Header(second, "Content-Security-Policy")).Groups["nonce"].Value);
    }

    [Fact]
    public async Task No_page_uses_inline_style_attributes_or_blocks_that_the_policy_would_refuse()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Trainee);

        foreach (var path in new[] { "/Progress", "/Centers", "/Cases", "/Training" })
        {
            var html = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
            Assert.DoesNotMatch(InlineStyle(), html);
        }
    }

    [Fact]
    public async Task Signed_in_pages_are_never_cached()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Trainee);

        var response = await client.GetAsync("/Progress");

        Assert.Contains("no-store", Header(response, "Cache-Control"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : throw new Xunit.Sdk.XunitException($"{name} is missing on {response.RequestMessage!.RequestUri}");

    [GeneratedRegex("script-src 'self' 'nonce-(?<nonce>[A-Za-z0-9_-]{24})';")]
    private static partial Regex NoncedScripts();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTags();

    [GeneratedRegex("""<style|\sstyle=["']""")]
    private static partial Regex InlineStyle();
}

/// <summary>Outside Development: HSTS for a year and <c>__Host-</c> cookies, seen by a browser on https at a real host name.</summary>
public sealed class ProductionSecurityHeadersTests(ProductionPortalFactory portal) : IClassFixture<ProductionPortalFactory>
{
    private HttpClient HttpsClient() => portal.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://portal.example.test"),
        AllowAutoRedirect = false,
    });

    [Fact]
    public async Task Hsts_lasts_a_year_and_covers_subdomains()
    {
        var response = await HttpsClient().GetAsync("/Identity/Account/Login");

        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Cookies_are_host_prefixed_secure_http_only_and_same_site()
    {
        var response = await HttpsClient().GetAsync("/Identity/Account/Login");

        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.Contains("Antiforgery", StringComparison.Ordinal));
        Assert.StartsWith("__Host-TrainingNetwork.Antiforgery=", antiforgery);
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("__Host-TrainingNetwork.Session", SecurityHeadersSetup.CookieName("TrainingNetwork.Session", httpsOnly: true));
    }
}
