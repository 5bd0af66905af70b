using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Matching;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Web.Data;

/// <summary>What one waitlist round did: offers that lapsed and went back in line, and offers made.</summary>
public sealed record WaitlistRound(int Lapsed, int Offered);

/// <summary>
/// Runs the national waitlist (decision 0013): lapsed offers go back in line, then every open place goes to the next
/// physician in the fair order. One round at a time across instances (a transaction-scoped advisory lock), every
/// transition audited, each physician told by e-mail once the round is saved.
/// </summary>
public sealed partial class Waitlist(AppDbContext db, IEmailSender email, IConfiguration configuration, TimeProvider clock, ILogger<Waitlist> logger)
{
    private const long RoundLock = 0x54_4E_57_41_49_54_4C;

    /// <summary>How long an offered physician has to accept (<c>Waitlist:OfferHours</c>, default 72).</summary>
    public TimeSpan AcceptanceWindow => TimeSpan.FromHours(configuration.GetValue("Waitlist:OfferHours", 72));

    /// <summary>
    /// A round right after a change that may have freed or added places. The change is saved already, so a failing round
    /// only logs and answers null: the next <see cref="WaitlistSweep"/> round makes the offers.
    /// </summary>
    public async Task<WaitlistRound?> RunAfterSaveAsync(CancellationToken ct)
    {
        try
        {
            return await RunAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or Npgsql.NpgsqlException)
        {
            db.ChangeTracker.Clear();
            LogRoundFailed(logger, e);
            return null;
        }
    }

    public async Task<WaitlistRound> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<WaitlistEntry> lapsed, placedElsewhere;
        IReadOnlyList<WaitlistOffer> offers;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({RoundLock})", ct);
            lapsed = await db.WaitlistEntries.Where(e => e.Status == WaitlistStatus.Offered && e.OfferExpiresAt < now).ToListAsync(ct);
            foreach (var entry in lapsed)
            {
                Record(entry, e => e.ExpireOffer(now), AuditAction.WaitlistOfferLapsed, "Waitlist offer lapsed unanswered; the physician goes to the back of the line");
            }

            // A physician a center accepted directly in the category needs no place from the waitlist any more.
            placedElsewhere = await db.WaitlistEntries
                .Where(e => (e.Status == WaitlistStatus.Waiting || e.Status == WaitlistStatus.Offered)
                    && db.Placements.Any(p => p.TraineeId == e.TraineeId && p.Category == e.Category && p.Status == PlacementStatus.Accepted))
                .ToListAsync(ct);
            foreach (var entry in placedElsewhere)
            {
                Record(entry, e => e.Leave(now), AuditAction.WaitlistLeft, "Left the waitlist: the physician was placed in the category directly by a center");
            }

            await db.SaveChangesAsync(ct);
            var openings = (await CenterSupplies.LoadAsync(db, null, ct))
                .Where(s => s.OpenPlaces > 0 && s.For(null).TrainingCasesPerMonth > 0)
                .Select(s => new Opening(s.CenterId, s.State, s.Category, s.OpenPlaces));
            var waiting = await db.WaitlistEntries.Where(e => e.Status == WaitlistStatus.Waiting).ToListAsync(ct);
            var waitingTrainees = waiting.Select(e => e.TraineeId).ToList();
            var openRequests = (await db.Placements
                    .Where(p => waitingTrainees.Contains(p.TraineeId)
                        && (p.Status == PlacementStatus.Requested || p.Status == PlacementStatus.Waitlisted || p.Status == PlacementStatus.Accepted))
                    .Select(p => new { p.TraineeId, p.CenterId }).ToListAsync(ct))
                .Select(p => (p.TraineeId, p.CenterId)).ToHashSet();
            offers = WaitlistMatching.NextOffers(openings, waiting, openRequests);
            foreach (var offer in offers)
            {
                Record(offer.Entry, e => e.Offer(offer.CenterId, now, AcceptanceWindow), AuditAction.WaitlistOffered, "Waitlist place offered to the next physician in line");
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        foreach (var entry in lapsed)
        {
            await NotifyAsync(entry, "Your waitlist offer lapsed",
                "The place offered to you was not accepted in time and has gone to the next physician. You are back on the waitlist, at the end of the line.", ct);
        }

        foreach (var entry in placedElsewhere)
        {
            await NotifyAsync(entry, "You left the waitlist",
                $"A center accepted you for {entry.Category} directly, so your place on the national waitlist for {entry.Category} has ended.", ct);
        }

        var offeredCenterIds = offers.Select(o => o.CenterId).Distinct().ToList();
        var centerNames = await db.Centers.Where(c => offeredCenterIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        foreach (var offer in offers)
        {
            await NotifyAsync(offer.Entry, "A training place is offered to you",
                $"{centerNames[offer.CenterId]} has a place for you in {offer.Entry.Category}. Accept it on your waitlist page by {offer.Entry.OfferExpiresAt:yyyy-MM-dd HH:mm} UTC, or it goes to the next physician in line.", ct);
        }

        return new WaitlistRound(lapsed.Count, offers.Count);
    }

    /// <summary>Applies a transition a round makes (no person acts) and stages its audit entry.</summary>
    private void Record(WaitlistEntry entry, Action<WaitlistEntry> change, AuditAction action, string summary)
    {
        var before = AuditSnapshots.Of(entry);
        change(entry);
        db.Audit(null, action, "waitlist_entry", entry.Id, before, AuditSnapshots.Of(entry), summary);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A waitlist round after a save failed; the next sweep makes the offers")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    /// <summary>Tells the physician of <paramref name="entry"/> about a change to their place on the waitlist.</summary>
    public async Task NotifyAsync(WaitlistEntry entry, string subject, string message, CancellationToken ct)
    {
        var person = await db.Trainees.Where(t => t.Id == entry.TraineeId)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { u.Email, u.FullName }).SingleAsync(ct);
        await email.SendEmailAsync(person.Email!, subject,
            $"""
            <p>Dear {HtmlEncoder.Default.Encode(person.FullName)},</p>
            <p>{HtmlEncoder.Default.Encode(message)}</p>
            <p>Your place on the waitlist and any offer are on the portal's waitlist page.</p>
            """);
    }
}

/// <summary>
/// Runs a <see cref="Waitlist"/> round at start and then every <c>Waitlist:SweepMinutes</c> (default 1; 0 turns it off),
/// so offers lapse on time and places freed anywhere are offered without anyone having to act.
/// </summary>
public sealed partial class WaitlistSweep(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<WaitlistSweep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue("Waitlist:SweepMinutes", 1);
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var round = await scope.ServiceProvider.GetRequiredService<Waitlist>().RunAsync(stoppingToken);
                if (round.Lapsed + round.Offered > 0)
                {
                    LogRound(logger, round.Lapsed, round.Offered);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e, minutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waitlist round: {Lapsed} offers lapsed, {Offered} places offered")]
    private static partial void LogRound(ILogger logger, int lapsed, int offered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waitlist round failed; it runs again in {Minutes} minutes")]
    private static partial void LogFailed(ILogger logger, Exception exception, int minutes);
}
