using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TrainingNetwork.Web.Data;

// Re-evaluates every physician the way the portal does after a rule or engine change: all summaries are marked stale,
// then the portal's ReadinessSummarySweep (batches, advisory lock) brings them up to date. Prints one line per run.
if (args is not ["--connection", var connection, .. var rest])
{
    Console.Error.WriteLine("usage: Reevaluation --connection \"<npgsql connection string>\" [--runs 3]");
    return 2;
}

var runs = rest is ["--runs", var count] ? int.Parse(count, CultureInfo.InvariantCulture) : 3;
var services = new ServiceCollection()
    .AddDbContext<AppDbContext>(options => options.UseTrainingNetworkDatabase(connection))
    .AddSingleton(TimeProvider.System)
    .BuildServiceProvider();
var sweep = new ReadinessSummarySweep(
    services.GetRequiredService<IServiceScopeFactory>(), new ConfigurationBuilder().Build(), TimeProvider.System,
    NullLogger<ReadinessSummarySweep>.Instance);

for (var run = 1; run <= runs; run++)
{
    await using (var scope = services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.ExecuteSqlRawAsync("UPDATE readiness_summaries SET evaluated_on = evaluated_on - 1");
    }

    var started = Stopwatch.GetTimestamp();
    var refreshed = await sweep.SweepAsync(CancellationToken.None);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"run {run}: re-evaluated {refreshed:N0} physicians in {Stopwatch.GetElapsedTime(started).TotalSeconds:F2} s"));
}

return 0;
