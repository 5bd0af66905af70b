using FaultTest;

// The ledger client of scripts/fault-test.sh (requirement 42): trainees log cases while PostgreSQL is stopped and
// started under them; afterwards every unacknowledged form is sent once more and the database is checked against the
// ledger. Exit code 0 when every check passes.
var options = FaultRunOptions.Parse(args);
var ledger = new Ledger();
var users = options.Users.Select((email, i) => new VirtualUser(options, email, i + 1, ledger)).ToList();
using var probe = new HealthProbe(options, ledger);
foreach (var user in users)
{
    await user.SignInAsync(CancellationToken.None);
}

Console.WriteLine($"{users.Count} users signed in; running for {options.Duration.TotalSeconds:F0} s.");
using (var stop = new CancellationTokenSource(options.Duration))
{
    await Task.WhenAll([
        probe.RunAsync(stop.Token),
        FaultSchedule.RunAsync(options, ledger, stop.Token),
        .. users.Select(u => u.RunAsync(stop.Token)),
    ]);
}

Console.WriteLine("Load stopped; waiting for readiness before the retries.");
using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
{
    while (await probe.ReadyAsync(wait.Token) != 200)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), wait.Token);
    }
}

var unacknowledged = ledger.Submissions.Where(s => s.First is Outcome.Unavailable or Outcome.ServerError).ToList();
Console.WriteLine($"Retrying {unacknowledged.Count} unacknowledged forms once.");
foreach (var submission in unacknowledged)
{
    await users.Single(u => u.Email == submission.User).RetryAsync(submission, CancellationToken.None);
}

var verdicts = await Verification.RunAsync(options, ledger, CancellationToken.None);
var report = Report.Write(options, ledger, verdicts);
await File.WriteAllTextAsync(options.ReportPath, report);
Console.WriteLine(report);
users.ForEach(u => u.Dispose());
return verdicts.All(v => v.Passed) ? 0 : 1;
