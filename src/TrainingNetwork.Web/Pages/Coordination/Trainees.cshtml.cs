using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Coordination;

/// <summary>
/// The physicians training at the center and those who finished recently, each with the readiness engine's verdict per
/// requested category. Only name, start date and verdict are shown: the physician's evidence stays theirs.
/// </summary>
public sealed class TraineesModel(AppDbContext db, TraineeRecordLoader loader, TimeProvider clock) : CoordinatedCenterPage(db)
{
    /// <summary>The model keeps no completion date, so "recently" means the latest placements by start date.</summary>
    public const int RecentlyCompletedShown = 20;

    public IReadOnlyList<TraineeStanding> Current { get; private set; } = [];

    public IReadOnlyList<TraineeStanding> Completed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await FindCenterAsync(ct))
        {
            return NotFound();
        }

        Current = await StandingsAsync(Placements(PlacementStatus.Accepted).OrderBy(p => p.StartsOn), ct);
        Completed = await StandingsAsync(Placements(PlacementStatus.Completed).OrderByDescending(p => p.StartsOn).Take(RecentlyCompletedShown), ct);
        return Page();
    }

    private IQueryable<Placement> Placements(PlacementStatus status) =>
        Db.Placements.Where(p => p.CenterId == CenterId && p.Status == status);

    // The engine judges each physician on every load, from records loaded together (one query per kind of evidence).
    private async Task<IReadOnlyList<TraineeStanding>> StandingsAsync(IQueryable<Placement> placements, CancellationToken ct)
    {
        var rows = await placements
            .Join(Db.Trainees, p => p.TraineeId, t => t.Id, (p, t) => new { p.TraineeId, p.StartsOn, t.UserId })
            .Join(Db.Users, x => x.UserId, u => u.Id, (x, u) => new { x.TraineeId, x.StartsOn, u.FullName })
            .ToListAsync(ct);
        var records = await loader.LoadManyAsync([.. rows.Select(r => r.TraineeId).Distinct()], clock.Today(), ct: ct);
        return [.. rows.Select(row => new TraineeStanding(
            row.FullName, row.StartsOn,
            [.. ReadinessEngine.Evaluate(records[row.TraineeId]).Categories
                .Select(c => new CategoryStanding(RecordCodes.Categories.ToCode(c.Category), c.Status, c.Unmet.Count))]))];
    }

    public sealed record TraineeStanding(string Name, DateOnly? StartedOn, IReadOnlyList<CategoryStanding> Categories);

    public sealed record CategoryStanding(string Category, ReadinessStatus Status, int Unmet);
}
