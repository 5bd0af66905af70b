using System.Globalization;

namespace FaultTest;

/// <summary>
/// What a run does, from <c>--name value</c> arguments: the portal (<c>--base-url</c>, on loopback), its database
/// (<c>--database</c>, an Npgsql connection string, for the checks after the run), the script that stops and starts
/// PostgreSQL (<c>--pg-control</c>, taking stop-immediate, stop-fast or start), the length of the load and when each
/// fault happens (<c>--duration</c>, <c>--faults</c> as seconds:action pairs), who logs cases and where the report goes.
/// </summary>
internal sealed record FaultRunOptions(
    Uri BaseUrl, string Database, string PgControl, TimeSpan Duration, IReadOnlyList<ScheduledFault> Faults,
    IReadOnlyList<string> Users, string Password, string ReportPath)
{
    // trainee13–trainee18 have an accepted placement in the demo network (DemoNetworkSeeder), so they can log cases.
    private static readonly string[] DemoTrainees = [.. Enumerable.Range(13, 6).Select(n => $"trainee{n}@trainingnetwork.test")];

    public static FaultRunOptions Parse(string[] args)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            given[args[i].TrimStart('-')] = args[i + 1];
        }

        string Required(string name) =>
            given.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");

        return new FaultRunOptions(
            new Uri(Required("base-url")),
            Required("database"),
            Required("pg-control"),
            TimeSpan.FromSeconds(int.Parse(given.GetValueOrDefault("duration", "160"), CultureInfo.InvariantCulture)),
            ScheduledFault.ParseList(given.GetValueOrDefault("faults", "40:stop-immediate,70:start,100:stop-fast,120:start")),
            given.TryGetValue("users", out var users) ? users.Split(',') : DemoTrainees,
            given.GetValueOrDefault("password", "demo-network-2026"),
            given.GetValueOrDefault("report", "fault-test-report.md"));
    }
}

/// <summary>At a time into the run, an action (stop-immediate, stop-fast or start) given to the pg-control script.</summary>
internal sealed record ScheduledFault(TimeSpan At, string Action)
{
    public static IReadOnlyList<ScheduledFault> ParseList(string text) =>
        [.. text.Split(',').Select(item => item.Split(':')).Select(parts =>
            new ScheduledFault(TimeSpan.FromSeconds(int.Parse(parts[0], CultureInfo.InvariantCulture)), parts[1]))];
}
