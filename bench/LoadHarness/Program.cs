using System.Security.Cryptography;
using LoadHarness;

// The load harness of issue 9 (docs/performance.md): `load` measures the portal's main pages and the evaluate API under
// closed-loop load, with the bench-only ceiling app in the same run; `cycle` walks one case across two instances.
if (args.Length == 0 || args[0] is not ("load" or "cycle"))
{
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

if (LoadOptions.Parse(args[1..], out var problem) is not { } options)
{
    Console.Error.WriteLine($"{problem}\n{LoadOptions.Usage}");
    return 2;
}

return args[0] == "cycle" ? await Cycle.RunAsync(options) : await LoadAsync(options);

static async Task<int> LoadAsync(LoadOptions options)
{
    var runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
    var accounts = new Accounts(options.Connection);
    using var signIns = new SignIns(options.Portals, options.Connection);
    var anonymous = options.Portals.Select(portal => new Session(portal, email: null)).ToList();
    List<Session> disposables = [.. anonymous];
    List<int> ceilingPids = options.CeilingPid is { } ceilingPid ? [ceilingPid] : [];
    await using var rss = new RssSampler([.. options.ServerPids, .. ceilingPids]);
    var rssBefore = options.ServerPids.ToDictionary(pid => pid, pid => Math.Round(RssSampler.ResidentMb(pid) ?? 0, 1));
    var loadBefore = RunReport.LoadAverage();
    var date = DateTimeOffset.UtcNow;

    var scenarios = new List<Scenario>();
    if (options.Ceiling is { } ceilingUrl)
    {
        var ceiling = new Session(ceilingUrl, email: null);
        disposables.Add(ceiling);
        scenarios.Add(new PageScenario(Scenario.CeilingName, (_, _) => Task.FromResult<IReadOnlyList<(Session, string)>>([(ceiling, "/")])));
    }

    var caseSubmit = new CaseSubmitScenario(signIns, accounts, runId);
    scenarios.AddRange(options.Scenarios.Select<string, Scenario>(name => name switch
    {
        "progress" => Pages(name, (n, ct) => accounts.PhysiciansAsync(n, ct), twoFactor: false, "/Progress"),
        "case-submit" => caseSubmit,
        "review-queue" => Pages(name, (n, ct) => accounts.PreceptorsWithQueueAsync(n, ct), twoFactor: true, "/Reviews"),
        "center-dashboard" => Pages(name, async (n, ct) => (await accounts.CoordinatorsAsync(n, ct)).ConvertAll(c => c.Email), twoFactor: true, "/Coordination"),
        "center-trainees" => CenterTrainees(),
        "staff-dashboard" => Pages(name, (_, _) => Task.FromResult<List<string>>([.. Accounts.Staff]), twoFactor: true, "/Network"),
        _ => new EvaluateScenario(anonymous),
    }));

    var results = new List<ScenarioResult>();
    foreach (var scenario in scenarios)
    {
        Console.Error.WriteLine($"{scenario.Name}: signing in and warming up…");
        var result = await LoadRunner.RunAsync(scenario, options, rss, scenario.Name == Scenario.CeilingName ? ceilingPids : options.ServerPids);
        Console.Error.WriteLine($"{scenario.Name}: {result.Throughput:N1} req/s, p99 {result.P99Ms:N1} ms, {result.Errors:N0} errors of {result.Requests:N0}");
        results.Add(result);
    }

    if (results.FirstOrDefault(r => r.Scenario == Scenario.CeilingName) is { Throughput: > 0 } measuredCeiling)
    {
        results = [.. results.Select(r => r == measuredCeiling ? r : r with { OfCeiling = Math.Round(r.Throughput / measuredCeiling.Throughput, 3) })];
    }

    CaseWrites? writes = null;
    if (options.Scenarios.Contains("case-submit"))
    {
        var saved = await accounts.SavedNotesAsync(caseSubmit.NotePrefix, CancellationToken.None);
        var lost = caseSubmit.Acknowledged.Where(note => !saved.Contains(note)).Order(StringComparer.Ordinal).ToList();
        var found = caseSubmit.Acknowledged.Count - lost.Count;
        writes = new CaseWrites(caseSubmit.Acknowledged.Count, found, lost.Count, lost, saved.Count - found);
    }

    var report = new RunReport(options.Label, date, options.Connections, options.Duration.TotalSeconds, options.Warmup.TotalSeconds,
        Environment.ProcessorCount, loadBefore, RunReport.LoadAverage(), options.Portals, rssBefore, results, writes);
    var markdown = report.ToMarkdown();
    Console.WriteLine(markdown);
    if (options.Markdown is { } markdownPath)
    {
        await File.WriteAllTextAsync(markdownPath, markdown);
    }

    if (options.Out is { } jsonPath)
    {
        await File.WriteAllTextAsync(jsonPath, report.ToJson());
    }

    foreach (var session in disposables)
    {
        session.Dispose();
    }

    return results.Sum(r => r.Errors) == 0 && writes is not { Lost: > 0 } ? 0 : 1;

    PageScenario Pages(string name, Func<int, CancellationToken, Task<List<string>>> users, bool twoFactor, string path) =>
        new(name, async (workers, ct) =>
        {
            var sessions = await signIns.SessionsAsync(await users(workers, ct), twoFactor, ct);
            return [.. sessions.Select(session => (session, path))];
        });

    PageScenario CenterTrainees() =>
        new("center-trainees", async (workers, ct) =>
        {
            var coordinators = await accounts.CoordinatorsAsync(workers, ct);
            var sessions = await signIns.SessionsAsync([.. coordinators.Select(c => c.Email)], needsTwoFactor: true, ct);
            return [.. sessions.Select((session, i) => (session, $"/Coordination/Trainees/{coordinators[i].CenterId}"))];
        });
}
