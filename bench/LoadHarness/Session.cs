using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace LoadHarness;

/// <summary>
/// One browser: its own connection pool and cookies, redirects not followed. Cookies are scoped by host, not port, so a
/// session signed in on one instance sends the same cookies to another instance on loopback, as one browser behind a
/// load balancer would.
/// </summary>
internal sealed class Session : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public Session(Uri instance, string? email)
    {
        Instance = instance;
        Email = email;
        Client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = email is not null,
            CookieContainer = new CookieContainer(),
        })
        {
            BaseAddress = instance,
            Timeout = RequestTimeout,
        };
    }

    /// <summary>The instance this session was signed in on and sends its requests to.</summary>
    public Uri Instance { get; }

    /// <summary>The signed-in user; null for an anonymous session.</summary>
    public string? Email { get; }

    public HttpClient Client { get; }

    /// <summary>A page as a document, with the address it was read from (forms resolve their actions against it).</summary>
    public async Task<(HttpStatusCode Status, IHtmlDocument? Document, Uri Address)> GetPageAsync(Uri address, CancellationToken ct)
    {
        address = new Uri(Instance, address);
        using var response = await Client.GetAsync(address, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, null, address);
        }

        return (response.StatusCode, Html.Parse(await response.Content.ReadAsStringAsync(ct)), address);
    }

    /// <summary>The form matching <paramref name="selector"/> on the page, and where it posts to; throws when it is missing.</summary>
    public async Task<(IHtmlFormElement Form, Uri Action)> GetFormAsync(Uri address, string selector, CancellationToken ct)
    {
        var (status, document, resolved) = await GetPageAsync(address, ct);
        var form = document?.QuerySelector<IHtmlFormElement>(selector)
            ?? throw new InvalidOperationException($"{Email}: GET {resolved} answered {(int)status} without a form {selector}.");
        return (form, Html.ActionOf(form, resolved));
    }

    public Task<HttpResponseMessage> PostFormAsync(Uri action, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken ct) =>
        Client.PostAsync(action, new FormUrlEncodedContent(fields), ct);

    public static bool IsSignIn(Uri? location) =>
        location?.OriginalString.Contains("/Identity/Account/Login", StringComparison.OrdinalIgnoreCase) == true;

    public void Dispose() => Client.Dispose();
}
