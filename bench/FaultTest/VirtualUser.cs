using System.Diagnostics;
using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace FaultTest;

/// <summary>
/// A trainee logging cases one after another, each form posted with the key the form carries after a moment of filling
/// it in, so that some posts arrive after the database went away under a form that loaded.
/// </summary>
internal sealed class VirtualUser(FaultRunOptions options, string email, int number, Ledger ledger) : IDisposable
{
    private const string KeyField = "IdempotencyKey";
    private static readonly TimeSpan FillingIn = TimeSpan.FromMilliseconds(500);

    private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = options.BaseUrl,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private int _sequence;

    public string Email => email;

    public async Task SignInAsync(CancellationToken ct)
    {
        var login = await GetFormAsync("/Identity/Account/Login", "form#account", ct)
            ?? throw new InvalidOperationException($"{email}: the sign-in page did not load.");
        var response = await _client.PostAsync(login.Action, Body(login.Form, [new("Input.Email", email), new("Input.Password", options.Password)]), ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"{email}: signing in answered {(int)response.StatusCode}.");
        }
    }

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await LogOneCaseAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Sends an unacknowledged form once more, exactly as before: same key, same fields, same session.</summary>
    public async Task RetryAsync(Submission submission, CancellationToken ct)
    {
        submission.RetriedAt = DateTimeOffset.UtcNow;
        submission.Retry = await PostAsync("retry", new Uri("/Cases/Create", UriKind.Relative), submission.Body, ct);
    }

    /// <summary>One case; <paramref name="stop"/> ends only the waits, so a request already sent is answered and recorded.</summary>
    private async Task LogOneCaseAsync(CancellationToken stop)
    {
        if (await GetFormAsync("/Cases/Create", "#case-form", CancellationToken.None) is not { } page)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), stop);
            return;
        }

        var formKey = page.Form.Elements.OfType<IHtmlInputElement>().FirstOrDefault(i => i.Name == KeyField)?.Value;
        var key = Guid.TryParse(formKey, out var parsed) ? parsed : Guid.NewGuid();
        var note = $"Fault run entry v{number} n{Interlocked.Increment(ref _sequence)}";
        var supervisor = page.Form.QuerySelector<IHtmlSelectElement>("#Input_SupervisorUserId")!;
        var body = Fields(page.Form,
        [
            new("Input.SupervisorUserId", string.IsNullOrEmpty(supervisor.Value) ? supervisor.Options.First(o => o.Value != "").Value : supervisor.Value!),
            new("Input.Agent", "Lu-177 dotatate (Lutathera)"),
            new("Input.ActivityAmount", "7400"),
            new("Input.ActivityUnit", "MBq"),
            new("Input.Note", note),
            new("save", "Submit"),
        ]);
        var submission = new Submission(email, key, formKey is not null, note, body);
        await Task.Delay(FillingIn, stop);
        submission.First = await PostAsync("create", page.Action, body, CancellationToken.None);
        ledger.Submissions.Enqueue(submission);
    }

    private async Task<Outcome> PostAsync(string kind, Uri action, IReadOnlyList<KeyValuePair<string, string>> body, CancellationToken ct)
    {
        var (response, seconds) = await SendAsync(() => _client.PostAsync(action, new FormUrlEncodedContent(body), ct));
        Record(kind, response, seconds);
        return response switch
        {
            null or { StatusCode: HttpStatusCode.ServiceUnavailable } => Outcome.Unavailable,
            { StatusCode: HttpStatusCode.InternalServerError } => Outcome.ServerError,
            { StatusCode: HttpStatusCode.Redirect } when !IsSignIn(response.Headers.Location) => Outcome.Acknowledged,
            _ => Outcome.Unexpected,
        };
    }

    /// <summary>The form and where it posts to, or null when the page did not load (recorded in the ledger).</summary>
    private async Task<(IHtmlFormElement Form, Uri Action)?> GetFormAsync(string path, string selector, CancellationToken ct)
    {
        var (response, seconds) = await SendAsync(() => _client.GetAsync(path, ct));
        Record("get " + path, response, seconds);
        if (response?.StatusCode != HttpStatusCode.OK)
        {
            if (response?.StatusCode == HttpStatusCode.Redirect && IsSignIn(response.Headers.Location))
            {
                await SignInAsync(ct);
            }

            return null;
        }

        var address = new Uri(options.BaseUrl, path);
        var html = await response.Content.ReadAsStringAsync(ct);
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html).Address(address.ToString()), ct);
        var form = document.QuerySelector<IHtmlFormElement>(selector);
        return form is null ? null : (form, new Uri(address, form.GetAttribute("action") ?? ""));
    }

    private static async Task<(HttpResponseMessage? Response, double Seconds)> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return (await send(), Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException { InnerException: TimeoutException })
        {
            return (null, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
    }

    private void Record(string kind, HttpResponseMessage? response, double seconds) =>
        ledger.Exchanges.Enqueue(new Exchange(RunClock.Now, kind, (int?)response?.StatusCode ?? 0, seconds, response?.Headers.RetryAfter is not null));

    private static bool IsSignIn(Uri? location) =>
        location?.OriginalString.Contains("/Identity/Account/Login", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The form's inputs as a browser sends them (unchecked boxes and buttons left out), with <paramref name="values"/> set.</summary>
    private static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        var names = values.Select(v => v.Key).ToHashSet();
        return
        [
            .. form.Elements.OfType<IHtmlInputElement>()
                .Where(input => !string.IsNullOrEmpty(input.Name) && input.Type is not ("checkbox" or "submit") && !names.Contains(input.Name!))
                .Select(input => KeyValuePair.Create(input.Name!, input.Value)),
            .. form.Elements.OfType<IHtmlInputElement>()
                .Where(input => input.Type == "checkbox" && input.IsChecked && !names.Contains(input.Name!))
                .Select(input => KeyValuePair.Create(input.Name!, input.Value)),
            .. values,
        ];
    }

    private static FormUrlEncodedContent Body(IHtmlFormElement form, IReadOnlyList<KeyValuePair<string, string>> values) =>
        new(Fields(form, values));

    public void Dispose() => _client.Dispose();
}
