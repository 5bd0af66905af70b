using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Security.AccessMatrix;

/// <summary>A client with its cookies and the antiforgery token its pages carry.</summary>
public sealed record Browser(HttpClient Client, string Token);

/// <summary>
/// One browser per account, signed in once and reused. "other-center" is a coordinator of another center (Lakeshore) on
/// the coordination pages and a preceptor there everywhere else. A response that ends the session (signing out) drops
/// the browser, so the next request signs in again.
/// </summary>
public sealed class MatrixBrowsers(PortalFactory portal)
{
    public const string OtherCenterCoordinator = "coordinator.lakeshore@trainingnetwork.test";
    public const string OtherCenterPreceptor = "preceptor1.lakeshore@trainingnetwork.test";
    private const string Anonymous = "";

    /// <summary>The field of the key that lets a create or sign form save once (IdempotentForms.FieldName).</summary>
    private const string IdempotencyKeyField = "IdempotencyKey";

    private readonly Dictionary<string, Browser> _browsers = [];
    private readonly string _tokenField = portal.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.FormFieldName;
    private readonly string _sessionCookie = portal.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
        .Get(IdentityConstants.ApplicationScheme).Cookie.Name!;

    /// <summary>The account a principal of the matrix signs in with on a route; null for anonymous.</summary>
    public static string? AccountFor(string principal, string route) => principal switch
    {
        "anonymous" => null,
        "trainee" => DemoAccounts.Trainee,
        "preceptor" => DemoAccounts.Preceptor,
        "coordinator" => DemoAccounts.Coordinator,
        "staff" => DemoAccounts.Staff,
        "admin" => DemoAccounts.Admin,
        "other-center" => route.StartsWith("/Coordination", StringComparison.Ordinal) ? OtherCenterCoordinator : OtherCenterPreceptor,
        _ => throw new ArgumentOutOfRangeException(nameof(principal), principal, "Not a principal of the access matrix."),
    };

    public async Task<Browser> ForAsync(string? account)
    {
        if (!_browsers.TryGetValue(account ?? Anonymous, out var browser))
        {
            browser = await OpenAsync(account);
            _browsers[account ?? Anonymous] = browser;
        }

        return browser;
    }

    /// <summary>A browser of its own, not shared with the matrix run.</summary>
    public async Task<Browser> OpenAsync(string? account)
    {
        var client = account is null ? portal.CreateBrowserLikeClient() : await portal.SignedInAsync(account);
        // The sign-in page for visitors; for a signed-in user any page, whose layout carries the sign-out form.
        var page = await client.GetDocumentAsync(account is null ? "/Identity/Account/Login" : "/Centers");
        var token = page.QuerySelector<IHtmlInputElement>($"input[name='{_tokenField}']")?.Value
            ?? throw new InvalidOperationException($"No antiforgery token on {page.Url}.");
        return new Browser(client, token);
    }

    /// <summary>Sends the request as this account: a POST (or any method but GET and HEAD) carries the account's token and the body.</summary>
    public async Task<HttpResponseMessage> SendAsync(string? account, string method, string path, IReadOnlyDictionary<string, string> body)
    {
        var browser = await ForAsync(account);
        var response = await browser.Client.SendAsync(Request(method, path, body, browser.Token));
        if (account is not null && EndsSession(response))
        {
            _browsers.Remove(account);
        }

        return response;
    }

    /// <summary>
    /// A request as a browser would send it: a form carries a fresh idempotency key, as the create and sign forms render
    /// one, and the antiforgery token unless <paramref name="token"/> is null.
    /// </summary>
    public HttpRequestMessage Request(string method, string path, IReadOnlyDictionary<string, string> body, string? token)
    {
        var request = new HttpRequestMessage(method == "*" ? HttpMethod.Get : new HttpMethod(method), path);
        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
        {
            var fields = body.Append(KeyValuePair.Create(IdempotencyKeyField, Guid.NewGuid().ToString()));
            request.Content = new FormUrlEncodedContent(token is null ? fields : fields.Append(KeyValuePair.Create(_tokenField, token)));
        }

        return request;
    }

    private bool EndsSession(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(_sessionCookie + "=;", StringComparison.Ordinal) || (c.StartsWith(_sessionCookie + "=", StringComparison.Ordinal) && c.Contains("1970", StringComparison.Ordinal)));
}
