using System.Collections.Concurrent;
using System.Diagnostics;

namespace FaultTest;

/// <summary>Seconds since the run started: the one clock of the ledger, the probes and the faults.</summary>
internal static class RunClock
{
    private static readonly long Start = Stopwatch.GetTimestamp();

    public static double Now => Stopwatch.GetElapsedTime(Start).TotalSeconds;
}

internal enum Outcome
{
    /// <summary>302 to the case list (or, for a repeat, to the first result): the portal said the case is saved.</summary>
    Acknowledged,

    /// <summary>503, a timeout or a dropped connection: whether it was saved is unknown to the client.</summary>
    Unavailable,

    /// <summary>500: must never happen.</summary>
    ServerError,

    /// <summary>Anything else (a redisplayed form, a refusal, a sign-in redirect): a fault of the run, reported.</summary>
    Unexpected,
}

/// <summary>One answer the client got: what was asked, the status (0 for no answer), how long it took.</summary>
internal sealed record Exchange(double At, string Kind, int Status, double Seconds, bool RetryAfter);

/// <summary>One case form sent: its key, the note that marks its case, and what the portal answered.</summary>
internal sealed class Submission(string user, Guid key, bool keyFromForm, string note, IReadOnlyList<KeyValuePair<string, string>> body)
{
    public string User { get; } = user;
    public Guid Key { get; } = key;
    public bool KeyFromForm { get; } = keyFromForm;
    public string Note { get; } = note;
    public IReadOnlyList<KeyValuePair<string, string>> Body { get; } = body;
    public Outcome First { get; set; }
    public Outcome? Retry { get; set; }
    public DateTimeOffset? RetriedAt { get; set; }
}

/// <summary>Everything the run saw, written from many tasks at once.</summary>
internal sealed class Ledger
{
    public ConcurrentQueue<Exchange> Exchanges { get; } = new();
    public ConcurrentQueue<Submission> Submissions { get; } = new();
    public ConcurrentQueue<Exchange> Probes { get; } = new();
    public ConcurrentQueue<(double At, string Action, int ExitCode)> Faults { get; } = new();
}
