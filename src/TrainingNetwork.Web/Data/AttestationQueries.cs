using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Domain.Reviews;

namespace TrainingNetwork.Web.Data;

public static class AttestationQueries
{
    /// <summary>Attestations that count: not a withdrawal, and not withdrawn.</summary>
    public static IQueryable<SignedAttestation> AttestationsInForce(this AppDbContext db) =>
        db.Attestations.Where(a => a.WithdrawsAttestationId == null && !db.Attestations.Any(w => w.WithdrawsAttestationId == a.Id));

    /// <summary>The decisions that stand: the latest on each attestation, since a later decision supersedes an earlier one.</summary>
    public static IQueryable<PacketReview> StandingDecisions(this AppDbContext db) =>
        db.PacketReviews.Where(r => !db.PacketReviews.Any(later => later.AttestationId == r.AttestationId && later.DecidedAt > r.DecidedAt));
}
