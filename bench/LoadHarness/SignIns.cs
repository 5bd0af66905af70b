using System.Collections.Concurrent;
using System.Net;
using OtpNet;

namespace LoadHarness;

/// <summary>
/// Signs generated users in, once per user and run, spreading them round-robin over the instances. An authenticator code
/// works once per user (the portal's OneTimeAuthenticatorTokenProvider), so a user signed in with two factors must not
/// sign in again in the same 30-second step: sessions are shared instead, across workers and scenarios.
/// </summary>
internal sealed class SignIns(IReadOnlyList<Uri> instances, string connectionString) : IDisposable
{
    public const string Password = "bench-network-2026";
    private const string EnrolmentPage = "/Identity/Account/Manage/EnableAuthenticator";
    private const int CodeAttempts = 3;

    private readonly ConcurrentDictionary<string, Lazy<Task<Session>>> _sessions = new(StringComparer.OrdinalIgnoreCase);
    private readonly AuthenticatorKeys _keys = new(connectionString);
    private int _next = -1;

    /// <summary>The user's session, signing them in on the next instance the first time.</summary>
    public Task<Session> SessionAsync(string email, bool needsTwoFactor, CancellationToken ct) =>
        _sessions.GetOrAdd(email, _ => new Lazy<Task<Session>>(() =>
        {
            var instance = instances[(int)((uint)Interlocked.Increment(ref _next) % instances.Count)];
            return SignInAsync(new Session(instance, email), needsTwoFactor, ct);
        })).Value;

    /// <summary>Sessions for every user in <paramref name="emails"/>, a few sign-ins at a time (password hashing is slow on purpose).</summary>
    public async Task<List<Session>> SessionsAsync(IReadOnlyList<string> emails, bool needsTwoFactor, CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(4);
        return [.. await Task.WhenAll(emails.Select(async email =>
        {
            await gate.WaitAsync(ct);
            try
            {
                return await SessionAsync(email, needsTwoFactor, ct);
            }
            finally
            {
                gate.Release();
            }
        }))];
    }

    /// <summary>
    /// Password first; then the second factor when the account has it on (LoginWith2fa), or enrolment when its role requires
    /// two factors and it has none yet (the portal sends such a user to the enrolment page and nowhere else).
    /// </summary>
    public async Task<Session> SignInAsync(Session session, bool needsTwoFactor, CancellationToken ct)
    {
        var email = session.Email!;
        var (login, action) = await session.GetFormAsync(new Uri("/Identity/Account/Login", UriKind.Relative), "form#account", ct);
        using var signedIn = await session.PostFormAsync(action, Html.Fields(login, [new("Input.Email", email), new("Input.Password", Password)]), ct);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"{email}: signing in answered {(int)signedIn.StatusCode} on {session.Instance}.");
        }

        if (signedIn.Headers.Location?.OriginalString.Contains("LoginWith2fa", StringComparison.OrdinalIgnoreCase) == true)
        {
            await SendCodeAsync(session, signedIn.Headers.Location, "Input.TwoFactorCode", _keys.For(email), ct);
        }
        else if (needsTwoFactor)
        {
            var (status, page, _) = await session.GetPageAsync(new Uri(EnrolmentPage, UriKind.Relative), ct);
            var key = page?.QuerySelector("kbd#shared-key")?.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()
                ?? throw new InvalidOperationException($"{email}: the enrolment page answered {(int)status} without a key.");
            await SendCodeAsync(session, new Uri(EnrolmentPage, UriKind.Relative), "Input.Code", key, ct);
            _keys.Remember(email, key);
        }

        return session;
    }

    /// <summary>Posts the current code in the form holding <paramref name="field"/>; a code refused (already used in this step) is retried in the next step.</summary>
    private static async Task SendCodeAsync(Session session, Uri page, string field, string key, CancellationToken ct)
    {
        var totp = new Totp(Base32Encoding.ToBytes(key));
        for (var attempt = 1; ; attempt++)
        {
            var (form, action) = await session.GetFormAsync(page, $"form:has(input[name='{field}'])", ct);
            using var answer = await session.PostFormAsync(action, Html.Fields(form, [new(field, totp.ComputeTotp())]), ct);
            if (answer.StatusCode == HttpStatusCode.Redirect && !Session.IsSignIn(answer.Headers.Location))
            {
                return;
            }

            if (attempt == CodeAttempts)
            {
                var problem = answer.StatusCode == HttpStatusCode.OK ? Html.FirstProblem(Html.Parse(await answer.Content.ReadAsStringAsync(ct))) : "";
                throw new InvalidOperationException(
                    $"{session.Email}: the authenticator code was refused {attempt} times ({(int)answer.StatusCode} {answer.Headers.Location}) {problem}");
            }

            await Task.Delay(TimeSpan.FromSeconds(totp.RemainingSeconds() + 1), ct);
        }
    }

    public void Dispose()
    {
        foreach (var session in _sessions.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully))
        {
            session.Value.Result.Dispose();
        }
    }
}
