using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;

namespace TrainingNetwork.Web.Data;

/// <summary>
/// Writes the audit chain's head outside the database: appended as a JSON line to <c>Audit:AnchorDirectory</c> (in
/// production a mount the database's administrators cannot rewrite, e.g. object storage with a retention lock) and, when
/// <c>Audit:AnchorMailbox</c> is set, e-mailed there. Reads the anchors back so the audit page can compare the chain with them.
/// </summary>
public sealed class AuditAnchors(IConfiguration configuration, IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string DirectorySetting = "Audit:AnchorDirectory";
    public const string MailboxSetting = "Audit:AnchorMailbox";
    private const string FileName = "audit-anchors.jsonl";

    private static readonly SemaphoreSlim FileLock = new(1, 1);

    /// <summary>Where anchors are kept; null when not configured (the audit page then says so).</summary>
    public string? Directory => configuration[DirectorySetting] is { Length: > 0 } directory ? directory : null;

    public async Task<AuditAnchor> WriteAsync(CancellationToken ct)
    {
        var directory = Directory ?? throw new InvalidOperationException($"Set {DirectorySetting} to keep audit anchors.");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        var anchor = new AuditAnchor(head?.Sequence ?? 0, head?.Hash ?? AuditEntry.GenesisHash, clock.GetUtcNow());

        System.IO.Directory.CreateDirectory(directory);
        await FileLock.WaitAsync(ct);
        try
        {
            await File.AppendAllTextAsync(Path.Combine(directory, FileName), JsonSerializer.Serialize(anchor) + "\n", ct);
        }
        finally
        {
            FileLock.Release();
        }

        if (configuration[MailboxSetting] is { Length: > 0 } mailbox)
        {
            await scope.ServiceProvider.GetRequiredService<IEmailSender>().SendEmailAsync(mailbox,
                $"TrainingNetwork audit anchor: entry {anchor.Sequence}",
                string.Create(CultureInfo.InvariantCulture,
                    $"<p>Audit trail head at {anchor.At:yyyy-MM-dd HH:mm:ss} UTC: entry {anchor.Sequence}, hash <code>{anchor.Hash}</code>.</p><p>Keep this message: it lets the network prove later that the trail was not shortened or rewritten.</p>"));
        }

        return anchor;
    }

    public async Task<IReadOnlyList<AuditAnchor>> ReadAsync(CancellationToken ct)
    {
        var path = Directory is { } directory ? Path.Combine(directory, FileName) : null;
        if (path is null || !File.Exists(path))
        {
            return [];
        }

        var lines = await File.ReadAllLinesAsync(path, ct);
        return [.. lines.Where(line => line.Length > 0).Select(line => JsonSerializer.Deserialize<AuditAnchor>(line)!)];
    }
}

/// <summary>Anchors the head every <c>Audit:AnchorHours</c> (default 24; 0 turns it off) when an anchor directory is set.</summary>
public sealed partial class AuditAnchorSchedule(AuditAnchors anchors, IConfiguration configuration, TimeProvider clock, ILogger<AuditAnchorSchedule> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hours = configuration.GetValue("Audit:AnchorHours", 24);
        if (hours <= 0 || anchors.Directory is null)
        {
            LogNotAnchoring(logger);
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromHours(hours), clock);
        do
        {
            try
            {
                var anchor = await anchors.WriteAsync(stoppingToken);
                LogAnchored(logger, anchor.Sequence, anchor.Hash);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit anchors are off (Audit:AnchorDirectory not set or Audit:AnchorHours 0): a shortened or rewritten audit trail could go unnoticed")]
    private static partial void LogNotAnchoring(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit trail anchored at entry {Sequence} ({Hash})")]
    private static partial void LogAnchored(ILogger logger, long sequence, string hash);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not anchor the audit trail; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
