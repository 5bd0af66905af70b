using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Credentials;
using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Attestations;

/// <summary>
/// A physician as a would-be signer sees them: what the engine says, which categories lack only the attestation, and
/// which of those the signer may attest.
/// </summary>
public sealed record AttestationCandidate(
    Guid TraineeId, string TraineeUserId, string TraineeName, TraineeRecord Record, ReadinessResult Result,
    IReadOnlyList<UseCategory> Ready, PracticeAuthorization? Listing, IReadOnlyList<UseCategory> MayAttest)
{
    public bool CanSign => MayAttest.Count > 0;

    /// <summary>How the signer's listing reads on the attestation, e.g. "Authorized User, 10 CFR 35.390 (G1, G2, G3)".</summary>
    public string Credentials => Listing is null ? "" : $"Authorized User, 10 CFR {Listing.Basis} ({string.Join(", ", Listing.Categories)})";
}

/// <summary>
/// Who may sign an attestation for whom. A preceptor attests only for a physician placed (accepted or completed) at one
/// of their centers, never for themselves, only under a staff-verified listing in force today that covers the category,
/// and only for a category where the engine finds nothing missing but the attestation. Residency-program-director
/// attestations need a flag the model does not have yet, so only preceptor-AU attestations are offered.
/// </summary>
public static class AttestationRights
{
    private static readonly string[] AttestationCodePrefixes = ["ATTESTATION_", "PRECEPTOR_"];

    /// <summary>The physicians with an accepted or completed placement at a center where this user is a preceptor.</summary>
    public static IQueryable<Guid> TraineesAtCentersOf(this AppDbContext db, string preceptorUserId) =>
        db.Placements
            .Where(p => p.Status == PlacementStatus.Accepted || p.Status == PlacementStatus.Completed)
            .Where(p => db.CenterMemberships.Any(m => m.CenterId == p.CenterId && m.UserId == preceptorUserId && m.Role == CenterRole.Preceptor))
            .Select(p => p.TraineeId)
            .Distinct();

    /// <summary>Null when the physician is not at one of the signer's centers, or is the signer.</summary>
    public static async Task<AttestationCandidate?> LoadCandidateAsync(
        this AppDbContext db, TraineeRecordLoader loader, string signerUserId, Guid traineeId, DateOnly today, CancellationToken ct)
    {
        if (!await db.TraineesAtCentersOf(signerUserId).ContainsAsync(traineeId, ct))
        {
            return null;
        }

        var trainee = await db.Trainees.Where(t => t.Id == traineeId)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { t.UserId, u.FullName })
            .SingleAsync(ct);
        if (trainee.UserId == signerUserId)
        {
            return null;
        }

        var record = (await loader.LoadAsync(traineeId, today, ct: ct))!;
        var result = ReadinessEngine.Evaluate(record);
        var ready = result.Categories.Where(LacksOnlyTheAttestation).Select(c => c.Category).ToList();
        var listings = await db.VerifiedListingsInForceAsync(signerUserId, today, ct);
        var listing = listings.MaxBy(l => ready.Count(c => Covers(l, c)));
        var mayAttest = listing is null ? [] : ready.Where(c => Covers(listing, c)).ToList();
        return new AttestationCandidate(traineeId, trainee.UserId, trainee.FullName, record, result, ready, listing, mayAttest);
    }

    /// <summary>The engine's verdict read, not re-made: the category is unmet, and only for attestation reasons.</summary>
    private static bool LacksOnlyTheAttestation(CategoryResult category) =>
        category.Status is ReadinessStatus.NotQualified or ReadinessStatus.NeedsReview
        && category.Unmet.Count > 0
        && category.Unmet.All(f => AttestationCodePrefixes.Any(prefix => ReasonCodes.Codes.ToCode(f.Code).StartsWith(prefix, StringComparison.Ordinal)));

    /// <summary>A 35.390 listing for the category, or a 35.396 listing for (G)(3).</summary>
    private static bool Covers(PracticeAuthorization listing, UseCategory category) => listing.Basis switch
    {
        "35.390" => listing.Categories.Contains(RecordCodes.Categories.ToCode(category)),
        "35.396" => category == UseCategory.G3,
        _ => false,
    };
}
