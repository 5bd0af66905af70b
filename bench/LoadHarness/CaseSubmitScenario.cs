using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace LoadHarness;

/// <summary>
/// Physicians logging and submitting cases: each worker opens the form once, then posts it again and again with a new
/// idempotency key and a unique note (the antiforgery token is reused, as a browser tab would). Every acknowledged note
/// is recorded, so the run can check afterwards that each one was saved.
/// </summary>
internal sealed class CaseSubmitScenario(SignIns signIns, Accounts accounts, string runId) : Scenario("case-submit")
{
    private const string Agent = "Lu-177 dotatate (Lutathera)";
    private readonly ConcurrentQueue<string> _acknowledged = new();
    private (Session Session, Uri Action, List<KeyValuePair<string, string>> Fields)[] _forms = [];
    private int[] _sequence = [];
    private int _validationShown;

    public string NotePrefix => $"load {runId} ";

    public IReadOnlyCollection<string> Acknowledged => _acknowledged;

    public override async Task PrepareAsync(int workers, CancellationToken ct)
    {
        var emails = await accounts.PhysiciansWithAcceptedPlacementAsync(workers, ct);
        if (emails.Count == 0)
        {
            throw new InvalidOperationException("case-submit: no physician has an accepted placement.");
        }

        var sessions = await signIns.SessionsAsync(emails, needsTwoFactor: false, ct);
        _forms = await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            var session = sessions[worker % sessions.Count];
            var (form, action) = await session.GetFormAsync(new Uri("/Cases/Create", UriKind.Relative), "form#case-form", ct);
            return (session, action, CaseFields(form));
        }));
        _sequence = new int[workers];
    }

    /// <summary>The form as the browser sends it: first supervisor offered, the usual Lu-177 activity, Submit pressed.</summary>
    public static List<KeyValuePair<string, string>> CaseFields(IHtmlFormElement form)
    {
        var supervisor = form.QuerySelector<IHtmlSelectElement>("select[name='Input.SupervisorUserId']")?.Options
            .FirstOrDefault(o => o.Value.Length > 0)?.Value
            ?? throw new InvalidOperationException("The case form offers no supervising preceptor.");
        return Html.Fields(form,
        [
            new("Input.SupervisorUserId", supervisor),
            new("Input.Agent", Agent),
            new("Input.ActivityAmount", "7400"),
            new("Input.ActivityUnit", "MBq"),
            new("save", "Submit"),
        ]);
    }

    public override async Task<Reply> SendAsync(int worker, CancellationToken ct)
    {
        var (session, action, fields) = _forms[worker];
        var note = $"{NotePrefix}w{worker} n{++_sequence[worker]}";
        List<KeyValuePair<string, string>> body =
            [.. fields.Where(f => f.Key is not ("IdempotencyKey" or "Input.Note")), new("IdempotencyKey", Guid.NewGuid().ToString()), new("Input.Note", note)];
        using var response = await session.PostFormAsync(action, body, ct);
        var reply = Reply.Of(response, HttpStatusCode.Redirect);
        if (reply.Ok)
        {
            _acknowledged.Enqueue(note);
        }
        else if (response.StatusCode == HttpStatusCode.OK && Interlocked.Exchange(ref _validationShown, 1) == 0)
        {
            var page = Html.Parse(await response.Content.ReadAsStringAsync(ct));
            Console.Error.WriteLine($"case-submit: the portal answered 200 (a validation error?): {Html.FirstProblem(page)}");
        }

        await response.Content.CopyToAsync(Stream.Null, ct);
        return reply;
    }
}
