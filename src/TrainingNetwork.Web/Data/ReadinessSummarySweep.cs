using Microsoft.EntityFrameworkCore;

namespace TrainingNetwork.Web.Data;

/// <summary>
/// Brings stale readiness summaries up to date: the passing of time changes the engine's answer (recentness, listings
/// that end), and a new engine version may change it too. Runs at start and then every
/// <c>ReadinessSummaries:SweepMinutes</c> (default 15; 0 turns it off). With several instances, a transaction-scoped
/// advisory lock lets one instance sweep at a time; the others skip that round.
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

    /// <summary>Refreshes every stale summary, in batches; returns how many, or 0 when another instance holds the sweep.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({SweepLock}) AS \"Value\"").SingleAsync(ct))
            {
                return total;
            }

            var today = clock.Today();
            var batch = await db.StaleTrainees(today).OrderBy(id => id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return total;
            }

            total += await ReadinessSummaries.RefreshAsync(db, batch, today, ct);
            await transaction.CommitAsync(ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Readiness sweep refreshed {Count} summaries")]
    private static partial void LogRefreshed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness sweep failed; it runs again in {Minutes} minutes")]
    private static partial void LogFailed(ILogger logger, Exception exception, int minutes);
}
