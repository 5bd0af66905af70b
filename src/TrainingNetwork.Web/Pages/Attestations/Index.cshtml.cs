using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Attestations;

/// <summary>The physicians at the preceptor's centers, as the engine judges them, and the attestations the preceptor signed.</summary>
[Authorize(Policy = Policies.Preceptor)]
public sealed class IndexModel(AppDbContext db, TraineeRecordLoader loader, TimeProvider clock) : PageModel
{
    public IReadOnlyList<PhysicianRow> Physicians { get; private set; } = [];
    public IReadOnlyList<SignedRow> SignedByMe { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.GetUserId();
        var today = clock.Today();
        var placements = await db.Placements
            .Where(p => p.Status == PlacementStatus.Accepted || p.Status == PlacementStatus.Completed)
            .Join(db.CenterMemberships.Where(m => m.UserId == userId && m.Role == CenterRole.Preceptor), p => p.CenterId, m => m.CenterId, (p, _) => p)
            .Join(db.Centers, p => p.CenterId, c => c.Id, (p, c) => new { p.TraineeId, Center = c.Name, p.Status })
            .ToListAsync(ct);

        var rows = new List<PhysicianRow>();
        foreach (var placement in placements)
        {
            if (await db.LoadCandidateAsync(loader, userId, placement.TraineeId, today, ct) is { } candidate)
            {
                rows.Add(new PhysicianRow(candidate, placement.Center, placement.Status));
            }
        }

        Physicians = [.. rows.OrderByDescending(r => r.Candidate.CanSign).ThenBy(r => r.Candidate.TraineeName, StringComparer.Ordinal)];
        SignedByMe = await db.Attestations.Where(a => a.SignerUserId == userId)
            .OrderByDescending(a => a.SignedAt)
            .Join(db.Trainees, a => a.TraineeId, t => t.Id, (a, t) => new { a, t.UserId })
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new SignedRow(
                x.a.Id, u.FullName, x.a.Categories, x.a.SignedAt, x.a.VerificationCode, x.a.WithdrawsAttestationId != null,
                db.Attestations.Any(w => w.WithdrawsAttestationId == x.a.Id)))
            .ToListAsync(ct);
    }

    public sealed record PhysicianRow(AttestationCandidate Candidate, string Center, PlacementStatus Placement);

    public sealed record SignedRow(
        Guid Id, string Physician, List<string> Categories, DateTimeOffset SignedAt, string VerificationCode, bool IsWithdrawal, bool Withdrawn);
}
