using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Credentials;
using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Reviews;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Web.Data;

/// <summary>The physicians and people whose saved changes can change what the engine says about someone.</summary>
public sealed record EvidenceChanges(IReadOnlySet<Guid> Trainees, IReadOnlySet<string> People)
{
    public bool IsEmpty => Trainees.Count == 0 && People.Count == 0;

    public static EvidenceChanges Collect(ChangeTracker tracker)
    {
        var trainees = new HashSet<Guid>();
        var people = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            switch (entry.Entity)
            {
                case ITraineeEvidence evidence:
                    trainees.Add(evidence.TraineeId);
                    break;
                case TraineeProfile profile:
                    trainees.Add(profile.Id);
                    break;
                // A listing or a program-director flag changes the standing of everyone this person supervised or attested.
                case PracticeAuthorization listing:
                    people.Add(listing.UserId);
                    break;
                case CenterMembership membership:
                    people.Add(membership.UserId);
                    break;
            }
        }

        return new EvidenceChanges(trainees, people);
    }
}

/// <summary>
/// Keeps <see cref="ReadinessSummary"/> rows current: each is the engine's verdict on the physician's record as the
/// <see cref="TraineeRecordLoader"/> loads it, plus the stage facts. Refreshed after every save that changes evidence, and
/// by <see cref="ReadinessSummarySweep"/> for summaries older than today or from another engine version.
/// </summary>
public static class ReadinessSummaries
{
    private const int Attempts = 3;

    public static async Task RefreshAfterSaveAsync(AppDbContext db, EvidenceChanges changes, DateOnly today, CancellationToken ct)
    {
        try
        {
            var people = changes.People.ToList();
            var traineeIds = changes.Trainees.ToHashSet();
            if (people.Count > 0)
            {
                traineeIds.UnionWith(await db.Trainees
                    .Where(t => people.Contains(t.UserId)
                        || db.Cases.Any(c => c.TraineeId == t.Id && people.Contains(c.SupervisorUserId))
                        || db.WorkExperience.Any(w => w.TraineeId == t.Id && people.Contains(w.SupervisorUserId))
                        || db.Attestations.Any(a => a.TraineeId == t.Id && (people.Contains(a.SignerUserId) || people.Contains(a.ConcurringFacultyUserId!))))
                    .Select(t => t.Id).ToListAsync(ct));
            }

            await RefreshAsync(db, traineeIds, today, ct);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or Npgsql.NpgsqlException)
        {
            // The change itself is saved; the sweep brings the summary up to date later.
            db.GetService<ILoggerFactory>().CreateLogger(typeof(ReadinessSummaries))
                .LogWarning(e, "Readiness summaries of {Count} physicians were not refreshed after a save", changes.Trainees.Count + changes.People.Count);
        }
    }

    /// <summary>
    /// Re-evaluates the physicians with the engine and stores the results; returns how many were refreshed. A summary
    /// refreshed by someone else after it was read here (the sweep and a save racing) is not overwritten: everything is
    /// read again and evaluated again, up to <see cref="Attempts"/> times.
    /// </summary>
    public static async Task<int> RefreshAsync(AppDbContext db, IReadOnlyCollection<Guid> traineeIds, DateOnly today, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RefreshOnceAsync(db, traineeIds, today, ct);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                foreach (var entry in db.ChangeTracker.Entries<ReadinessSummary>().ToList())
                {
                    entry.State = EntityState.Detached;
                }
            }
        }
    }

    private static async Task<int> RefreshOnceAsync(AppDbContext db, IReadOnlyCollection<Guid> traineeIds, DateOnly today, CancellationToken ct)
    {
        if (traineeIds.Count == 0)
        {
            return 0;
        }

        var ids = traineeIds.ToList();
        var placed = (await db.Placements
            .Where(p => ids.Contains(p.TraineeId) && (p.Status == PlacementStatus.Accepted || p.Status == PlacementStatus.Completed))
            .Select(p => p.TraineeId).Distinct().ToListAsync(ct)).ToHashSet();
        var casesLogged = await db.Cases.Where(c => ids.Contains(c.TraineeId)).GroupBy(c => c.TraineeId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var inForce = db.AttestationsInForce().Where(a => ids.Contains(a.TraineeId));
        var attested = (await inForce.Select(a => a.TraineeId).Distinct().ToListAsync(ct)).ToHashSet();
        var accepted = (await db.StandingDecisions()
                .Where(r => r.Decision == PacketDecision.Accepted && inForce.Any(a => a.Id == r.AttestationId))
                .Select(r => r.TraineeId).Distinct().ToListAsync(ct))
            .ToHashSet();

        var summaries = await db.ReadinessSummaries.Where(s => ids.Contains(s.TraineeId)).ToDictionaryAsync(s => s.TraineeId, ct);
        var records = await new TraineeRecordLoader(db).LoadManyAsync(ids, today, ct: ct);
        foreach (var (id, record) in records)
        {
            if (!summaries.TryGetValue(id, out var summary))
            {
                summary = new ReadinessSummary(id);
                db.ReadinessSummaries.Add(summary);
            }

            summary.Refresh(ReadinessEngine.Evaluate(record), ReadinessEngine.RuleBookFor(record),
                new StageFacts(placed.Contains(id), casesLogged.GetValueOrDefault(id), attested.Contains(id), accepted.Contains(id)));
        }

        await db.SaveChangesAsync(ct);
        return records.Count;
    }

    /// <summary>Physicians whose summary is missing, older than <paramref name="today"/> or from another engine version.</summary>
    public static IQueryable<Guid> StaleTrainees(this AppDbContext db, DateOnly today) =>
        db.Trainees
            .Where(t => !db.ReadinessSummaries.Any(s => s.TraineeId == t.Id && s.EvaluatedOn >= today && s.EngineVersion == ReadinessEngine.Version))
            .Select(t => t.Id);
}
