using System.Globalization;

namespace LoadHarness;

/// <summary>
/// CPU time of the server processes (utime + stime in /proc/PID/stat) and of the harness itself: on a shared 2-core
/// machine a page's throughput means little without knowing who had the cores.
/// </summary>
internal static class CpuTime
{
    /// <summary>Linux's USER_HZ, the unit of /proc/PID/stat times, is 100 on every mainstream architecture.</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan OfHarness() => Environment.CpuUsage.TotalTime;

    /// <summary>The process's user and system time so far, or zero when it is gone.</summary>
    public static TimeSpan Of(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces; the fields after it start with the state (field 3).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>Each process's CPU time now, for <see cref="Since"/>.</summary>
    public static Dictionary<int, TimeSpan> Snapshot(IEnumerable<int> pids) => pids.ToDictionary(pid => pid, Of);

    /// <summary>
    /// CPU time used since <paramref name="before"/> by the processes still running; a process killed meanwhile (the
    /// scale-out run's) is left out, as /proc no longer has its time.
    /// </summary>
    public static TimeSpan Since(IReadOnlyDictionary<int, TimeSpan> before) =>
        before.Aggregate(TimeSpan.Zero, (sum, process) => Of(process.Key) is var now && now >= process.Value ? sum + (now - process.Value) : sum);

    /// <summary>CPU time as a share of one core over <paramref name="wall"/> (200 % = both cores of this machine).</summary>
    public static double PercentOfOneCore(TimeSpan cpu, TimeSpan wall) => wall <= TimeSpan.Zero ? 0 : Math.Round(100 * cpu / wall, 0);
}
