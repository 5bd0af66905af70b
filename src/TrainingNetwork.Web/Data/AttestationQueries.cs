using TrainingNetwork.Domain.Attestations;

namespace TrainingNetwork.Web.Data;

public static class AttestationQueries
{
    /// <summary>Attestations that count: not a withdrawal, and not withdrawn.</summary>
    public static IQueryable<SignedAttestation> AttestationsInForce(this AppDbContext db) =>
        db.Attestations.Where(a => a.WithdrawsAttestationId == null && !db.Attestations.Any(w => w.WithdrawsAttestationId == a.Id));
}
