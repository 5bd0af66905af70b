using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Pages.Placements;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Centers;

/// <summary>One center as a physician choosing where to train sees it; a physician also sees their placements there.</summary>
public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public CenterView Center { get; private set; } = null!;

    /// <summary>Null unless the visitor is a physician with a trainee profile.</summary>
    public IReadOnlyList<PlacementSummary>? MyPlacements { get; private set; }

    public bool CanRequest => MyPlacements is not null && !MyPlacements.Any(p => OpenPlacements.IsOpen(p.Status));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var center = await db.Centers.Where(c => c.Id == id).WithTakenPlaces(db)
            .Select(c => new CenterView(
                c.Center.Id, c.Center.Name, c.Center.City, c.Center.State, c.Center.Licensee, c.Center.LicenseNumber, c.Center.Regulator,
                c.Center.Therapies.OrderBy(t => t.Agent).Select(t => new TherapyOffer(t.Agent, t.MonthlyCaseCapacity)).ToList(),
                db.CenterMemberships.Where(m => m.CenterId == c.Center.Id && m.Role == CenterRole.Preceptor)
                    .Join(db.Users, m => m.UserId, u => u.Id, (_, u) => u.FullName).OrderBy(n => n).ToList(),
                new Places(c.Center.TraineeSlots, c.Taken)))
            .SingleOrDefaultAsync(ct);
        if (center is null)
        {
            return NotFound();
        }

        Center = center;
        if (User.IsInRole(Roles.Trainee) && await db.TraineeIdOfAsync(User, ct) is { } traineeId)
        {
            MyPlacements = await db.Placements.Where(p => p.TraineeId == traineeId && p.CenterId == id).Summaries(db).ToListAsync(ct);
        }

        return Page();
    }

    public sealed record CenterView(
        Guid Id, string Name, string City, string State, string Licensee, string LicenseNumber, Regulator Regulator,
        List<TherapyOffer> Therapies, List<string> Preceptors, Places Places);
}
