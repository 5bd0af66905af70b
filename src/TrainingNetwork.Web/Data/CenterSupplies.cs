using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Matching;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Pages.Coordination;

namespace TrainingNetwork.Web.Data;

/// <summary>
/// One center's supply in one category, with everything that takes its places: accepted placements and open waitlist
/// offers, in the category and across the center (whose own slot count caps all categories together).
/// </summary>
public sealed record CenterCategorySupply(
    Guid CenterId, string Name, string City, string State, string Category,
    int MonthlyAdministrations, int PreceptorCasesPerMonth, int CategorySlots, int CenterSlots,
    int TakenInCategory, int TakenAtCenter, IReadOnlyList<Guid> PlacedStillNeeding)
{
    public int OpenPlaces => Math.Max(0, Math.Min(CategorySlots - TakenInCategory, CenterSlots - TakenAtCenter));

    /// <summary>The supply as <paramref name="traineeId"/> would share it (they do not share with themselves).</summary>
    public CenterSupply For(Guid? traineeId) => new(
        CenterId, Name, City, State, MonthlyAdministrations, PreceptorCasesPerMonth, OpenPlaces,
        PlacedStillNeeding.Count(id => id != traineeId));
}

public static class CenterSupplies
{
    /// <summary>Every center that sets a capacity for <paramref name="category"/> (or for any category when null).</summary>
    public static async Task<IReadOnlyList<CenterCategorySupply>> LoadAsync(AppDbContext db, string? category, CancellationToken ct)
    {
        var capacities = await db.CategoryCapacities.AsNoTracking()
            .Where(c => category == null || c.Category == category)
            .Join(db.Centers, c => c.CenterId, center => center.Id, (c, center) => new
            {
                center.Id, center.Name, center.City, center.State, CenterSlots = center.TraineeSlots, c.Category, c.TraineeSlots, c.PreceptorCasesPerMonth,
            })
            .ToListAsync(ct);
        var centerIds = capacities.Select(c => c.Id).Distinct().ToList();
        var therapies = await db.CenterTherapies.AsNoTracking().Where(t => centerIds.Contains(t.CenterId))
            .Select(t => new { t.CenterId, t.Agent, t.MonthlyCaseCapacity }).ToListAsync(ct);
        var administrations = therapies
            .SelectMany(t => TherapyCategories.MatchingCategoriesOf(t.Agent).Select(code => (t.CenterId, Category: code, t.MonthlyCaseCapacity)))
            .GroupBy(t => (t.CenterId, t.Category)).ToDictionary(g => g.Key, g => g.Sum(t => t.MonthlyCaseCapacity));

        var placed = await db.Placements.AsNoTracking()
            .Where(p => centerIds.Contains(p.CenterId) && p.Status == PlacementStatus.Accepted)
            .Select(p => new { p.CenterId, p.Category, p.TraineeId, Needs = db.ReadinessSummaries.Where(s => s.TraineeId == p.TraineeId).Select(s => s.CasesStillNeeded).FirstOrDefault() })
            .ToListAsync(ct);
        var offers = await db.WaitlistEntries.AsNoTracking()
            .Where(e => e.Status == WaitlistStatus.Offered && centerIds.Contains(e.OfferedCenterId!.Value))
            .Select(e => new { CenterId = e.OfferedCenterId!.Value, e.Category }).ToListAsync(ct);
        var takenInCategory = placed.Select(p => (p.CenterId, p.Category)).Concat(offers.Select(o => (o.CenterId, o.Category)))
            .CountBy(t => t).ToDictionary();
        var takenAtCenter = takenInCategory.GroupBy(t => t.Key.CenterId).ToDictionary(g => g.Key, g => g.Sum(t => t.Value));
        var stillNeeding = placed.Where(p => RemainingCases.In(p.Needs ?? [], p.Category) > 0)
            .ToLookup(p => (p.CenterId, p.Category), p => p.TraineeId);

        return [.. capacities.Select(c => new CenterCategorySupply(
            c.Id, c.Name, c.City, c.State, c.Category,
            administrations.GetValueOrDefault((c.Id, c.Category)), c.PreceptorCasesPerMonth, c.TraineeSlots, c.CenterSlots,
            takenInCategory.GetValueOrDefault((c.Id, c.Category)), takenAtCenter.GetValueOrDefault(c.Id),
            [.. stillNeeding[(c.Id, c.Category)]]))];
    }
}
