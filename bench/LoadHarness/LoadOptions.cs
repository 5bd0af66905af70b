using System.Globalization;

namespace LoadHarness;

/// <summary>Kill (SIGKILL) process <paramref name="Pid"/> this long into the measured window of <paramref name="Scenario"/>.</summary>
internal sealed record KillPlan(string Scenario, TimeSpan After, int Pid);

/// <summary>The command line of both subcommands, parsed by hand (<c>--name value</c> pairs).</summary>
internal sealed record LoadOptions(
    IReadOnlyList<Uri> Portals,
    Uri? Ceiling,
    string Connection,
    int Connections,
    TimeSpan Duration,
    TimeSpan Warmup,
    IReadOnlyList<int> ServerPids,
    int? CeilingPid,
    IReadOnlyList<string> Scenarios,
    string Label,
    string? Out,
    string? Markdown,
    KillPlan? Kill,
    IReadOnlySet<string> Tolerated)
{
    public static readonly IReadOnlyList<string> AllScenarios =
        ["progress", "case-submit", "review-queue", "center-dashboard", "center-trainees", "staff-dashboard", "evaluate-api"];

    public const string Usage = """
        Usage:
          LoadHarness load --portal URL[,URL] --connection "<npgsql cs>" [--ceiling URL] [--connections 32] [--duration 30]
                           [--warmup 5] [--server-pids PID[,PID]] [--ceiling-pid PID] [--scenarios a,b,...] [--label N1]
                           [--out result.json] [--markdown result.md]
                           [--kill-after SCENARIO:SECONDS:PID] [--tolerate-status 502[,HttpRequestException]]
          LoadHarness cycle --portal URL_A,URL_B --connection "<npgsql cs>"
        Scenarios: progress, case-submit, review-queue, center-dashboard, center-trainees, staff-dashboard, evaluate-api
        --kill-after: SIGKILL process PID that many seconds into SCENARIO's measured window (the scale-out run kills one of
          the instances behind the proxy); the time is in the --out JSON (killedAtUnixMs).
        --tolerate-status: answers (status codes, or the exception names a failed request is counted under) that are
          counted as tolerated, not as errors, and do not fail the run: the killed instance's requests in flight.
        """;

    /// <summary>The options, or null with the reason in <paramref name="problem"/>.</summary>
    public static LoadOptions? Parse(IReadOnlyList<string> args, out string? problem)
    {
        problem = null;
        if (args.Count % 2 != 0)
        {
            problem = "every option takes one value";
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            "--portal", "--ceiling", "--connection", "--connections", "--duration", "--warmup", "--server-pids", "--ceiling-pid",
            "--scenarios", "--label", "--out", "--markdown", "--kill-after", "--tolerate-status",
        };
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            problem = $"unknown option {unknown}";
            return null;
        }

        if (!values.TryGetValue("--portal", out var portals) || !values.TryGetValue("--connection", out var connection))
        {
            problem = "--portal and --connection are required";
            return null;
        }

        var scenarios = values.TryGetValue("--scenarios", out var names) ? List(names) : AllScenarios;
        if (scenarios.FirstOrDefault(s => !AllScenarios.Contains(s)) is { } unknownScenario)
        {
            problem = $"unknown scenario {unknownScenario}";
            return null;
        }

        try
        {
            var duration = TimeSpan.FromSeconds(Number(values, "--duration", 30));
            return new LoadOptions(
                [.. List(portals).Select(Url)],
                values.TryGetValue("--ceiling", out var ceiling) ? Url(ceiling) : null,
                connection,
                Number(values, "--connections", 32),
                duration,
                TimeSpan.FromSeconds(Number(values, "--warmup", 5)),
                values.TryGetValue("--server-pids", out var pids) ? [.. List(pids).Select(Integer)] : [],
                values.TryGetValue("--ceiling-pid", out var ceilingPid) ? Integer(ceilingPid) : null,
                scenarios,
                values.GetValueOrDefault("--label", "run"),
                values.GetValueOrDefault("--out"),
                values.GetValueOrDefault("--markdown"),
                values.TryGetValue("--kill-after", out var kill) ? KillPlanOf(kill, scenarios, duration) : null,
                values.TryGetValue("--tolerate-status", out var tolerated) ? List(tolerated).ToHashSet(StringComparer.Ordinal) : []);
        }
        catch (FormatException e)
        {
            problem = e.Message;
            return null;
        }
    }

    private static KillPlan KillPlanOf(string text, IReadOnlyList<string> scenarios, TimeSpan duration) =>
        text.Split(':') is [var scenario, var seconds, var pid] && scenarios.Contains(scenario) && TimeSpan.FromSeconds(Integer(seconds)) is var after && after < duration
            ? new KillPlan(scenario, after, Integer(pid))
            : throw new FormatException($"--kill-after takes SCENARIO:SECONDS:PID, one of the run's scenarios and fewer seconds than --duration: {text}");

    private static List<string> List(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static Uri Url(string text) =>
        Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var url) ? url : throw new FormatException($"not a URL: {text}");

    private static int Integer(string text) =>
        int.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : throw new FormatException($"not a positive number: {text}");

    private static int Number(Dictionary<string, string> values, string name, int fallback) =>
        values.TryGetValue(name, out var text) ? Integer(text) : fallback;
}
