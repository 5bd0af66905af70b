using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LoadHarness;

/// <summary>
/// What the case-submit scenario's acknowledged writes came to in the database; also how many cases were saved although
/// their answer never arrived (a request cut off after its commit, e.g. by a killed instance: not lost, just unconfirmed).
/// </summary>
internal sealed record CaseWrites(int Acknowledged, int Found, int Lost, IReadOnlyList<string> LostNotes, int SavedUnacknowledged);

/// <summary>One load run: the machine, the settings and every scenario's numbers (the --out JSON).</summary>
internal sealed record RunReport(
    string Label,
    DateTimeOffset Date,
    int Connections,
    double DurationSeconds,
    double WarmupSeconds,
    int Nproc,
    string LoadAverageBefore,
    string LoadAverageAfter,
    IReadOnlyList<Uri> Portals,
    IReadOnlyDictionary<int, double> ServerRssBeforeMb,
    IReadOnlyList<ScenarioResult> Scenarios,
    CaseWrites? CaseWrites)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"### Load run {Label} ({Date:yyyy-MM-dd HH:mm} UTC)");
        text.AppendLine();
        text.AppendLine(culture,
            $"{Connections} connections; {DurationSeconds:0.#} s measured after {WarmupSeconds:0.#} s warm-up per scenario; {Nproc} cores; " +
            $"load average {LoadAverageBefore} before, {LoadAverageAfter} after; {Portals.Count} portal instance(s); " +
            $"portal RSS before the run {Megabytes(ServerRssBeforeMb)}. CPU columns: share of one core during the scenario (200 % = both cores).");
        text.AppendLine();
        text.AppendLine("| Scenario | Requests | Errors | req/s | p50 ms | p95 ms | p99 ms | max ms | peak RSS MB | of ceiling | server CPU | harness CPU |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in Scenarios)
        {
            text.AppendLine(culture,
                $"| {s.Scenario} | {s.Requests:N0} | {s.Errors:N0} | {s.Throughput:N1} | {s.P50Ms:0.0} | {s.P95Ms:0.0} | {s.P99Ms:0.0} | {s.MaxMs:0.0} | " +
                $"{Megabytes(s.PeakRssMbByPid)} | {(s.OfCeiling is { } share ? share.ToString("P1", culture) : "")} | {s.ServerCpuPercent:0} % | {s.HarnessCpuPercent:0} % |");
        }

        if (CaseWrites is { } writes)
        {
            text.AppendLine();
            text.AppendLine(culture,
                $"case-submit writes: {writes.Acknowledged:N0} acknowledged, {writes.Found:N0} found in the database, {writes.Lost:N0} lost; " +
                $"{writes.SavedUnacknowledged:N0} saved without an acknowledgement.");
        }

        foreach (var s in Scenarios.Where(s => s.Window.KilledAtUnixMs is not null))
        {
            text.AppendLine();
            text.AppendLine(culture,
                $"{s.Scenario}: process {s.Window.KilledPid} killed {(s.Window.KilledAtUnixMs!.Value - s.Window.MeasuredFromUnixMs) / 1000.0:0.0} s into the measured window; " +
                $"{s.Tolerated:N0} answers tolerated (--tolerate-status), {s.Errors:N0} errors.");
        }

        var failing = Scenarios.Where(s => s.Errors + s.Tolerated > 0).ToList();
        if (failing.Count > 0)
        {
            text.AppendLine();
            foreach (var s in failing)
            {
                text.AppendLine(culture, $"{s.Scenario} answers: {string.Join(", ", s.Statuses.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} ×{p.Value:N0}"))}");
            }
        }

        return text.ToString();
    }

    /// <summary>The sum, with each process's share when there are several.</summary>
    private static string Megabytes(IReadOnlyDictionary<int, double> byPid) => byPid.Count switch
    {
        0 => "not sampled",
        1 => byPid.Values.Single().ToString("0", CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture,
            $"{byPid.Values.Sum():0} ({string.Join(" + ", byPid.Select(p => $"{p.Key}: {p.Value:0}"))})"),
    };
}
