using System.Net;
using System.Net.Http.Headers;

namespace LoadHarness;

/// <summary>How one request ended: whether it is the expected answer, and its status for the error breakdown.</summary>
internal readonly record struct Reply(bool Ok, string Status)
{
    public static Reply Of(HttpResponseMessage response, HttpStatusCode expected)
    {
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return response.StatusCode switch
        {
            HttpStatusCode.Redirect when Session.IsSignIn(response.Headers.Location) => new(false, status + " to sign-in"),
            _ => new(response.StatusCode == expected, status),
        };
    }
}

/// <summary>One measured request kind. Prepare signs in and loads what the workers need, outside the measured time.</summary>
internal abstract class Scenario(string name)
{
    public const string CeilingName = "ceiling";

    public string Name { get; } = name;

    public abstract Task PrepareAsync(int workers, CancellationToken ct);

    /// <summary>One request of worker <paramref name="worker"/>, its answer read to the end.</summary>
    public abstract Task<Reply> SendAsync(int worker, CancellationToken ct);

    protected static async Task<Reply> ReadAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken ct)
    {
        using (response)
        {
            await response.Content.CopyToAsync(Stream.Null, ct);
            return Reply.Of(response, expected);
        }
    }
}

/// <summary>A GET of one page per request; workers share the sessions round-robin when there are fewer users than workers.</summary>
internal sealed class PageScenario(string name, Func<int, CancellationToken, Task<IReadOnlyList<(Session Session, string Path)>>> targets) : Scenario(name)
{
    private IReadOnlyList<(Session Session, string Path)> _targets = [];

    public override async Task PrepareAsync(int workers, CancellationToken ct)
    {
        _targets = await targets(workers, ct);
        if (_targets.Count == 0)
        {
            throw new InvalidOperationException($"{Name}: the database has no users for this scenario.");
        }
    }

    public override async Task<Reply> SendAsync(int worker, CancellationToken ct)
    {
        var (session, path) = _targets[worker % _targets.Count];
        return await ReadAsync(await session.Client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct), HttpStatusCode.OK, ct);
    }
}

/// <summary>Anonymous POSTs of one trainee record to the evaluate API, the workers spread over the instances.</summary>
internal sealed class EvaluateScenario(IReadOnlyList<Session> anonymous) : Scenario("evaluate-api")
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private byte[] _record = [];

    public override async Task PrepareAsync(int workers, CancellationToken ct)
    {
        await using var resource = typeof(EvaluateScenario).Assembly.GetManifestResourceStream("LoadHarness.evaluate-record.json")
            ?? throw new InvalidOperationException("The embedded record is missing.");
        using var buffer = new MemoryStream();
        await resource.CopyToAsync(buffer, ct);
        _record = buffer.ToArray();
    }

    public override async Task<Reply> SendAsync(int worker, CancellationToken ct)
    {
        using var content = new ByteArrayContent(_record);
        content.Headers.ContentType = Json;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/readiness/evaluate") { Content = content };
        var session = anonymous[worker % anonymous.Count];
        return await ReadAsync(await session.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct), HttpStatusCode.OK, ct);
    }
}
