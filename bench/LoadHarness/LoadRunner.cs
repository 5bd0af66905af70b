using System.Diagnostics;

namespace LoadHarness;

/// <summary>What one scenario measured.</summary>
internal sealed record ScenarioResult(
    string Scenario,
    long Requests,
    long Errors,
    long Tolerated,
    IReadOnlyDictionary<string, long> Statuses,
    double Throughput,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double PeakRssMb,
    IReadOnlyDictionary<int, double> PeakRssMbByPid,
    double ServerCpuPercent,
    double HarnessCpuPercent,
    ScenarioWindow Window)
{
    /// <summary>Throughput as a share of the ceiling's, when the ceiling was measured in the same run.</summary>
    public double? OfCeiling { get; init; }
}

/// <summary>
/// When the scenario ran (Unix milliseconds, to line up with a proxy's access log), and when --kill-after killed its
/// process, if it did.
/// </summary>
internal sealed record ScenarioWindow(long StartedAtUnixMs, long MeasuredFromUnixMs, long EndedAtUnixMs, long? KilledAtUnixMs, int? KilledPid);

/// <summary>
/// Closed-loop load: each worker sends its next request as soon as the last one is answered. Requests started during the
/// warm-up are not counted; the measured window is the next <c>duration</c> seconds.
/// </summary>
internal static class LoadRunner
{
    public static async Task<ScenarioResult> RunAsync(Scenario scenario, LoadOptions options, RssSampler rss, IReadOnlyList<int> pids)
    {
        await scenario.PrepareAsync(options.Connections, CancellationToken.None);
        rss.Reset();
        var startedAt = DateTimeOffset.UtcNow;
        var start = Stopwatch.GetTimestamp();
        var (serverCpuBefore, harnessCpu) = (CpuTime.Snapshot(pids), CpuTime.OfHarness());
        var measureFrom = start + (long)(options.Warmup.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        var kill = options.Kill is { } plan && plan.Scenario == scenario.Name ? KillAsync(plan, startedAt + options.Warmup + plan.After) : null;
        var workers = await Task.WhenAll(Enumerable.Range(0, options.Connections)
            .Select(worker => Task.Run(() => WorkAsync(scenario, worker, measureFrom, measureTo, options.Tolerated))));
        var killedAt = kill is null ? (DateTimeOffset?)null : await kill;

        var wall = Stopwatch.GetElapsedTime(start);
        var serverCpu = CpuTime.Since(serverCpuBefore);
        harnessCpu = CpuTime.OfHarness() - harnessCpu;
        var samples = workers.SelectMany(w => w.Samples).ToArray();
        Array.Sort(samples);
        var statuses = workers.SelectMany(w => w.Statuses).GroupBy(s => s.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Value), StringComparer.Ordinal);
        var peaks = rss.Peaks(pids);
        return new ScenarioResult(
            scenario.Name,
            samples.Length,
            workers.Sum(w => w.Errors),
            workers.Sum(w => w.Tolerated),
            statuses,
            Math.Round(samples.Length / options.Duration.TotalSeconds, 1),
            Percentile(samples, 0.50),
            Percentile(samples, 0.95),
            Percentile(samples, 0.99),
            samples.Length == 0 ? 0 : Math.Round(samples[^1], 1),
            Math.Round(peaks.Values.Sum(), 1),
            peaks,
            CpuTime.PercentOfOneCore(serverCpu, wall),
            CpuTime.PercentOfOneCore(harnessCpu, wall),
            new ScenarioWindow(startedAt.ToUnixTimeMilliseconds(), (startedAt + options.Warmup).ToUnixTimeMilliseconds(),
                (startedAt + wall).ToUnixTimeMilliseconds(), killedAt?.ToUnixTimeMilliseconds(), killedAt is null ? null : options.Kill!.Pid));
    }

    /// <summary>Sends SIGKILL (Process.Kill on Unix) at <paramref name="at"/>; the time it was sent, or null when the process was already gone.</summary>
    private static async Task<DateTimeOffset?> KillAsync(KillPlan plan, DateTimeOffset at)
    {
        await Task.Delay(at - DateTimeOffset.UtcNow);
        try
        {
            using var process = Process.GetProcessById(plan.Pid);
            process.Kill();
            var killedAt = DateTimeOffset.UtcNow;
            Console.Error.WriteLine($"{plan.Scenario}: killed process {plan.Pid} {plan.After.TotalSeconds:0} s into the measured window");
            return killedAt;
        }
        catch (ArgumentException)
        {
            Console.Error.WriteLine($"{plan.Scenario}: process {plan.Pid} was gone before the planned kill");
            return null;
        }
    }

    private static async Task<Worker> WorkAsync(Scenario scenario, int worker, long measureFrom, long measureTo, IReadOnlySet<string> tolerated)
    {
        var result = new Worker();
        while (Stopwatch.GetTimestamp() is var sent && sent < measureTo)
        {
            Reply reply;
            try
            {
                reply = await scenario.SendAsync(worker, CancellationToken.None);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                reply = new Reply(false, e.GetType().Name);
            }

            if (sent >= measureFrom)
            {
                result.Samples.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                result.Statuses[reply.Status] = result.Statuses.GetValueOrDefault(reply.Status) + 1;
                if (!reply.Ok && tolerated.Contains(reply.Status))
                {
                    result.Tolerated++;
                }
                else if (!reply.Ok)
                {
                    result.Errors++;
                }
            }
        }

        return result;
    }

    /// <summary>Nearest rank on the sorted samples.</summary>
    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)], 1);

    private sealed class Worker
    {
        public List<double> Samples { get; } = [];
        public Dictionary<string, long> Statuses { get; } = new(StringComparer.Ordinal);
        public long Errors { get; set; }
        public long Tolerated { get; set; }
    }
}
