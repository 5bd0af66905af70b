using TrainingNetwork.Domain.Reviews;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Network.Packets;

public static class PacketDecisions
{
    /// <summary>The decisions that stand: the latest on each attestation, since a later decision supersedes an earlier one.</summary>
    public static IQueryable<PacketReview> StandingDecisions(this AppDbContext db) =>
        db.PacketReviews.Where(r => !db.PacketReviews.Any(later => later.AttestationId == r.AttestationId && later.DecidedAt > r.DecidedAt));

    /// <summary>How a decision reads to staff and to the physician.</summary>
    public static string Describe(PacketDecision decision) =>
        decision == PacketDecision.Accepted ? "Accepted" : "Changes requested";
}
