using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Network;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public int TraineeCount { get; private set; }
    public int PreceptorCount { get; private set; }
    public IReadOnlyDictionary<CaseStatus, int> CasesByStatus { get; private set; } = new Dictionary<CaseStatus, int>();
    public IReadOnlyList<CenterRow> Centers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        TraineeCount = await db.Trainees.CountAsync(ct);
        PreceptorCount = await db.CenterMemberships.Where(m => m.Role == CenterRole.Preceptor).Select(m => m.UserId).Distinct().CountAsync(ct);
        CasesByStatus = await db.Cases.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Centers = await db.Centers.OrderBy(c => c.State).ThenBy(c => c.Name)
            .Select(c => new CenterRow(
                c.Name, c.State, c.Regulator,
                c.Therapies.Sum(t => t.MonthlyCaseCapacity),
                db.Placements.Count(p => p.CenterId == c.Id && p.Status == PlacementStatus.Accepted),
                db.Placements.Count(p => p.CenterId == c.Id && (p.Status == PlacementStatus.Requested || p.Status == PlacementStatus.Waitlisted))))
            .ToListAsync(ct);
    }

    public int Cases(CaseStatus status) => CasesByStatus.GetValueOrDefault(status);

    public sealed record CenterRow(string Name, string State, Regulator Regulator, int MonthlyCapacity, int Training, int Waiting);
}
