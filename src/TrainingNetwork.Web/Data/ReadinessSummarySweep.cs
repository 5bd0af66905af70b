using Microsoft.EntityFrameworkCore;

namespace TrainingNetwork.Web.Data;

/// <summary>
/// Brings stale readiness summaries up to date: the passing of time changes the engine's answer (recentness, listings
/// that end), and a new engine version may change it too. Runs at start and then every
/// <c>ReadinessSummaries:SweepMinutes</c> (default 15; 0 turns it off). With several instances, an advisory lock lets
/// one instance sweep at a time; the others skip that round.
/// </summary>
public sealed partial class ReadinessSummarySweep(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<ReadinessSummarySweep> logger)
    : BackgroundService
{
    private const long SweepLock = 0x54_4E_53_57_45_45_50;
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue("ReadinessSummaries:SweepMinutes", 15);
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), clock);
        do
        {
            try
            {
                var refreshed = await SweepAsync(stoppingToken);
                if (refreshed > 0)
                {
                    LogRefreshed(logger, refreshed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e, minutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// Refreshes every stale summary in batches, as many batches at once as there are cores (the engine's work overlaps
    /// the database's); returns how many, or 0 when another instance holds the sweep. The sweep's lock is a session lock
    /// held by a connection of its own for the whole sweep, so it ends if this instance dies.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var lockScope = scopes.CreateAsyncScope();
        var lockDb = lockScope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var sweepLock = await SessionLock.TryAcquireAsync(lockDb, SweepLock, ct);
        if (sweepLock is null)
        {
            return 0;
        }

        var today = clock.Today();
        var stale = await lockDb.StaleTrainees(today).OrderBy(id => id).ToListAsync(ct);
        var total = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct };
        await Parallel.ForEachAsync(stale.Chunk(BatchSize), parallel, async (batch, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Interlocked.Add(ref total, await ReadinessSummaries.RefreshAsync(db, batch, today, token));
        });
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Readiness sweep refreshed {Count} summaries")]
    private static partial void LogRefreshed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness sweep failed; it runs again in {Minutes} minutes")]
    private static partial void LogFailed(ILogger logger, Exception exception, int minutes);
}
