using System.Globalization;
using System.Text;

namespace FaultTest;

/// <summary>The run as Markdown, for the console and docs/reliability.md.</summary>
internal static class Report
{
    public static string Write(FaultRunOptions options, Ledger ledger, IReadOnlyList<Verdict> verdicts)
    {
        var submissions = ledger.Submissions.ToList();
        var answers = ledger.Exchanges.ToList();
        var unavailable = answers.Where(a => a.Status == 503).Select(a => a.Seconds).Order().ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {options.Users.Count} virtual users for {options.Duration.TotalSeconds:F0} s; " +
            $"faults {string.Join(", ", ledger.Faults.OrderBy(f => f.At).Select(f => $"{f.Action} at {f.At:F1} s (exit {f.ExitCode})"))}.");
        text.AppendLine();
        text.AppendLine("| Figure | Value |");
        text.AppendLine("|---|---|");
        Row(text, "Case forms posted", submissions.Count);
        Row(text, "Acknowledged at once (302)", submissions.Count(s => s.First == Outcome.Acknowledged));
        Row(text, "Unavailable (503 or no answer), retried after the run", submissions.Count(s => s.First == Outcome.Unavailable));
        Row(text, "Acknowledged on retry", submissions.Count(s => s.Retry == Outcome.Acknowledged));
        Row(text, "Unexpected answers (first post / retry)",
            $"{submissions.Count(s => s.First == Outcome.Unexpected)} / {submissions.Count(s => s.Retry == Outcome.Unexpected)}");
        Row(text, "User requests by status", string.Join(", ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key)
            .Select(g => $"{(g.Key == 0 ? "no answer" : g.Key.ToString(CultureInfo.InvariantCulture))}: {g.Count()}")));
        Row(text, "503 answer time (median / 95th percentile / max)", unavailable.Count == 0 ? "no 503"
            : $"{Percentile(unavailable, 0.5):F3} / {Percentile(unavailable, 0.95):F3} / {unavailable[^1]:F3} s");
        Row(text, "Health probes (live / ready)", $"{ledger.Probes.Count(p => p.Kind == "live")} / {ledger.Probes.Count(p => p.Kind == "ready")}");
        text.AppendLine();
        text.AppendLine("| Check | Result | Detail |");
        text.AppendLine("|---|---|---|");
        foreach (var verdict in verdicts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {verdict.Check} | {(verdict.Passed ? "PASS" : "**FAIL**")} | {verdict.Detail} |");
        }

        text.AppendLine();
        text.AppendLine(verdicts.All(v => v.Passed) ? "**Overall: PASS**" : "**Overall: FAIL**");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string figure, object value) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"| {figure} | {value} |");

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
