using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Coordination;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<CenterSummary> Centers { get; private set; } = [];

    /// <summary>How many administrations of each center more trainees claim than its policy allows; absent when none.</summary>
    public IReadOnlyDictionary<Guid, int> RepeatClaims { get; private set; } = new Dictionary<Guid, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Split: one query per list, not every therapy times every preceptor times every placement in one result.
        Centers = await db.Centers.AsSplitQuery().Where(c => db.CoordinatedCenterIds(User).Contains(c.Id))
            .OrderBy(c => c.Name)
            .Select(c => new CenterSummary(
                c.Id, c.Name, c.City, c.State, c.Regulator, c.LicenseNumber,
                c.Therapies.OrderBy(t => t.Agent).Select(t => new TherapyRow(t.Agent, t.MonthlyCaseCapacity)).ToList(),
                db.CenterMemberships.Where(m => m.CenterId == c.Id && m.Role == CenterRole.Preceptor)
                    .Join(db.Users, m => m.UserId, u => u.Id, (_, u) => u.FullName).OrderBy(n => n).ToList(),
                db.Placements.Where(p => p.CenterId == c.Id)
                    .Join(db.Trainees, p => p.TraineeId, t => t.Id, (p, t) => new { p, t.UserId })
                    .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new PlacementRow(u.FullName, x.p.Status, x.p.PreferredStart, x.p.StartsOn))
                    .ToList()))
            .ToListAsync(ct);
        RepeatClaims = (await db.FlaggedIn(db.CoordinatedCenterIds(User)).ToListAsync(ct)).CountBy(f => f.CenterId).ToDictionary();
    }

    public sealed record CenterSummary(
        Guid Id, string Name, string City, string State, Regulator Regulator, string LicenseNumber,
        List<TherapyRow> Therapies, List<string> Preceptors, List<PlacementRow> Placements);

    public sealed record TherapyRow(string Agent, int MonthlyCaseCapacity);

    public sealed record PlacementRow(string Trainee, PlacementStatus Status, DateOnly PreferredStart, DateOnly? StartsOn);
}
