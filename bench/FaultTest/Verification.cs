using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Web.Data;

namespace FaultTest;

internal sealed record Verdict(string Check, bool Passed, string Detail);

/// <summary>After the run: what the database holds against what the ledger says the portal acknowledged.</summary>
internal static class Verification
{
    public const string NotePrefix = "Fault run entry ";

    public static async Task<IReadOnlyList<Verdict>> RunAsync(FaultRunOptions options, Ledger ledger, CancellationToken ct)
    {
        var connection = new DbContextOptionsBuilder<AppDbContext>();
        connection.UseTrainingNetworkDatabase(options.Database);
        await using var db = new AppDbContext(connection.Options, TimeProvider.System);
        var submissions = ledger.Submissions.ToList();
        var keys = submissions.Select(s => s.Key).ToList();
        var records = await db.IdempotencyRecords.Where(r => keys.Contains(r.Key))
            .GroupBy(r => r.Key).Select(g => new { g.Key, Count = g.Count(), UsedAt = g.Min(r => r.UsedAt) }).ToDictionaryAsync(g => g.Key, ct);
        var cases = await db.Cases.Where(c => c.Note != null && c.Note.StartsWith(NotePrefix))
            .GroupBy(c => c.Note!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        bool SavedOnce(Submission s) =>
            cases.GetValueOrDefault(s.Note) == 1 && (!s.KeyFromForm || records.GetValueOrDefault(s.Key)?.Count == 1);

        var acknowledged = submissions.Where(s => s.First == Outcome.Acknowledged).ToList();
        var retried = submissions.Where(s => s.Retry is not null).ToList();
        var retriedAndAcknowledged = retried.Where(s => s.Retry == Outcome.Acknowledged).ToList();
        // The first attempt committed but its answer was lost: the retry was answered from the key's record.
        var savedBeforeRetry = retried.Count(s => records.GetValueOrDefault(s.Key)?.UsedAt < s.RetriedAt);
        var duplicated = cases.Where(c => c.Value > 1).ToList();
        var answers = ledger.Exchanges.ToList();
        var unavailable = answers.Where(a => a.Status == 503).ToList();
        var serverErrors = answers.Concat(ledger.Probes).Count(a => a.Status == 500);
        var chain = AuditChain.Verify(db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().ToBlockingEnumerable(ct));

        return
        [
            new("Every form carried the key its page issued", submissions.All(s => s.KeyFromForm),
                $"{submissions.Count(s => s.KeyFromForm)} of {submissions.Count} posts had a form key"),
            new("(a) Every acknowledged case is in the database exactly once, with its key recorded once",
                acknowledged.All(SavedOnce),
                $"{acknowledged.Count(SavedOnce)} of {acknowledged.Count} acknowledged; {acknowledged.Count(s => cases.GetValueOrDefault(s.Note) == 0)} lost"),
            new("(b) Every retried form is in the database exactly once",
                retried.Count == retriedAndAcknowledged.Count && retried.All(SavedOnce),
                $"{retried.Count} retried, {retriedAndAcknowledged.Count} acknowledged on retry, {retried.Count(SavedOnce)} saved exactly once; " +
                $"{savedBeforeRetry} had been saved by the first attempt, whose answer was lost, and were answered from their key"),
            new("No case was saved twice", duplicated.Count == 0, $"{duplicated.Count} notes with more than one case"),
            new("(c) No 500 answer", serverErrors == 0, $"{serverErrors} answers with status 500"),
            new("Every 503 carried Retry-After", unavailable.All(a => a.RetryAfter), $"{unavailable.Count(a => a.RetryAfter)} of {unavailable.Count}"),
            new("503s answered within 5 s, no request left hanging",
                unavailable.All(a => a.Seconds <= 5) && answers.All(a => a.Status != 0),
                $"slowest 503 {(unavailable.Count == 0 ? 0 : unavailable.Max(a => a.Seconds)):F2} s; {answers.Count(a => a.Status == 0)} requests without an answer"),
            .. ReadinessVerdicts(ledger),
            new("(e) The audit chain verifies", chain.Intact,
                $"{chain.IntactEntries} entries, head {chain.HeadHash[..16]}…{(chain.Intact ? "" : $", broken at {chain.BrokenAt}: {chain.Problem}")}"),
        ];
    }

    /// <summary>(d) /health/ready: 503 within 10 s of every stop, 200 within 30 s of every start; /health/live always 200.</summary>
    private static IEnumerable<Verdict> ReadinessVerdicts(Ledger ledger)
    {
        var ready = ledger.Probes.Where(p => p.Kind == "ready").OrderBy(p => p.At).ToList();
        foreach (var (at, action, _) in ledger.Faults.OrderBy(f => f.At))
        {
            var stop = action.StartsWith("stop", StringComparison.Ordinal);
            var (limit, wanted) = stop ? (10, 503) : (30, 200);
            var first = ready.FirstOrDefault(p => p.At >= at && p.Status == wanted);
            var after = first is null ? double.NaN : first.At + first.Seconds - at;
            yield return new($"(d) /health/ready {wanted} within {limit} s of {action} at {at:F1} s", after <= limit,
                first is null ? $"never {wanted}" : $"{after:F1} s");
        }

        var live = ledger.Probes.Where(p => p.Kind == "live").ToList();
        yield return new("/health/live answered 200 throughout", live.All(p => p.Status == 200),
            $"{live.Count(p => p.Status == 200)} of {live.Count} probes");
    }
}
