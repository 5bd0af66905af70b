using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Reviews;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Network.Packets;

/// <summary>
/// The network's readiness review queue: attested packets no staff member has decided yet, oldest signature first, and
/// the latest decisions. Whether the engine finds points for a person to judge comes from the stored readiness summary.
/// </summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int RecentlyDecidedShown = 20;

    public IReadOnlyList<WaitingPacket> Waiting { get; private set; } = [];

    public IReadOnlyList<DecidedPacket> Decided { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var inForce = db.AttestationsInForce();
        Waiting = await inForce
            .Where(a => !db.PacketReviews.Any(r => r.AttestationId == a.Id))
            .OrderBy(a => a.SignedAt).ThenBy(a => a.Id)
            .Select(a => new WaitingPacket(
                a.Id,
                db.Trainees.Where(t => t.Id == a.TraineeId).Join(db.Users, t => t.UserId, u => u.Id, (_, u) => u.FullName).First(),
                a.Categories, a.SignerPrintedName, a.SignedAt,
                db.Centers
                    .Where(c => db.Placements.Any(p => p.CenterId == c.Id && p.TraineeId == a.TraineeId
                        && (p.Status == PlacementStatus.Accepted || p.Status == PlacementStatus.Completed)))
                    .OrderBy(c => c.Name).Select(c => c.Name).ToList(),
                db.ReadinessSummaries.Where(s => s.TraineeId == a.TraineeId).Select(s => (bool?)s.NeedsReview).FirstOrDefault()))
            .ToListAsync(ct);
        Decided = await db.StandingDecisions()
            .Join(inForce, r => r.AttestationId, a => a.Id, (r, a) => new { Review = r, Attestation = a })
            .OrderByDescending(x => x.Review.DecidedAt)
            .Take(RecentlyDecidedShown)
            .Select(x => new DecidedPacket(
                x.Attestation.Id,
                db.Trainees.Where(t => t.Id == x.Attestation.TraineeId).Join(db.Users, t => t.UserId, u => u.Id, (_, u) => u.FullName).First(),
                x.Attestation.Categories, x.Review.Decision, x.Review.ReviewerName, x.Review.DecidedAt, x.Review.Note))
            .ToListAsync(ct);
    }

    /// <summary>An undecided packet; <c>NeedsReview</c> is the stored engine verdict's, null before its first evaluation.</summary>
    public sealed record WaitingPacket(
        Guid AttestationId, string Physician, List<string> Categories, string Signer, DateTimeOffset SignedAt, List<string> Centers, bool? NeedsReview);

    public sealed record DecidedPacket(
        Guid AttestationId, string Physician, List<string> Categories, PacketDecision Decision, string Reviewer, DateTimeOffset DecidedAt, string? Note);
}
