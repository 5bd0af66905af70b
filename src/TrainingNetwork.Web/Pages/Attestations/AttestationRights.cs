using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Credentials;
using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Domain.Readiness.Rules;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Attestations;

/// <summary>
/// A physician as a would-be signer sees them: what the engine says, which categories lack only the attestation, and
/// which of those the signer may attest.
/// </summary>
public sealed record AttestationCandidate(
    Guid TraineeId, string TraineeUserId, string TraineeName, TraineeRecord Record, ReadinessResult Result,
    IReadOnlyList<UseCategory> Ready, PracticeAuthorization? Listing, IReadOnlyList<UseCategory> MayAttest,
    IReadOnlyList<ConcurringFaculty> Faculty)
{
    public bool CanSign => MayAttest.Count > 0 || Faculty.Count > 0;

    /// <summary>Every category the signer can attest, as a preceptor or as residency program director.</summary>
    public IReadOnlyList<UseCategory> Attestable => [.. MayAttest.Concat(Faculty.SelectMany(f => f.Covers)).Distinct().Order()];

    /// <summary>How the signer's listing reads on the attestation, e.g. "Authorized User, 10 CFR 35.390 (G1, G2, G3)".</summary>
    public string Credentials => Listing is null ? "" : Describe(Listing);

    public static string Describe(PracticeAuthorization listing) =>
        $"Authorized User, 10 CFR {listing.Basis} ({string.Join(", ", listing.Categories)})";
}

/// <summary>A faculty Authorized User who may concur with a residency program director's attestation, and for which categories.</summary>
public sealed record ConcurringFaculty(string UserId, string Name, PracticeAuthorization Listing, IReadOnlyList<UseCategory> Covers)
{
    public string Credentials => AttestationCandidate.Describe(Listing);
}

/// <summary>
/// Who may sign an attestation for whom. A preceptor attests only for a physician placed (accepted or completed) at one
/// of their centers, never for themselves, only under a staff-verified listing in force today that covers the category,
/// and only for a category where the engine finds nothing missing but the attestation. A preceptor marked as residency
/// program director at the physician's center may instead attest on the faculty-consensus model (2019 text only), naming
/// as concurring faculty another preceptor of that center whose verified listing covers the category.
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
        var faculty = ready.Count > 0 && RuleSets.For(record.RuleSet).ResidencyProgramDirectorMayAttest
            ? await ConcurringFacultyAsync(db, signerUserId, traineeId, trainee.UserId, ready, today, ct)
            : [];
        return new AttestationCandidate(traineeId, trainee.UserId, trainee.FullName, record, result, ready, listing, mayAttest, faculty);
    }

    /// <summary>
    /// When the signer directs the residency program of a center where the physician is placed: the other preceptors of
    /// those centers whose verified listings in force cover a category waiting for the attestation.
    /// </summary>
    private static async Task<IReadOnlyList<ConcurringFaculty>> ConcurringFacultyAsync(
        AppDbContext db, string signerUserId, Guid traineeId, string traineeUserId, IReadOnlyList<UseCategory> ready, DateOnly today, CancellationToken ct)
    {
        var directedCenters = db.CenterMemberships
            .Where(m => m.UserId == signerUserId && m.Role == CenterRole.Preceptor && m.ResidencyProgramDirector)
            .Where(m => db.Placements.Any(p => p.CenterId == m.CenterId && p.TraineeId == traineeId
                && (p.Status == PlacementStatus.Accepted || p.Status == PlacementStatus.Completed)))
            .Select(m => m.CenterId);
        var colleagues = await db.CenterMemberships
            .Where(m => directedCenters.Contains(m.CenterId) && m.Role == CenterRole.Preceptor && m.UserId != signerUserId && m.UserId != traineeUserId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.FullName })
            .Distinct()
            .ToListAsync(ct);
        var colleagueIds = colleagues.Select(c => c.Id).ToList();
        var listings = (await db.VerifiedListingsInForceAsync([.. colleagues.Select(c => c.Id)], today, ct)).ToLookup(a => a.UserId);
        return [.. colleagues
            .Select(c => listings[c.Id].Select(l => new ConcurringFaculty(c.Id, c.FullName, l, [.. ready.Where(category => Covers(l, category))]))
                .MaxBy(f => f.Covers.Count))
            .OfType<ConcurringFaculty>()
            .Where(f => f.Covers.Count > 0)
            .OrderBy(f => f.Name, StringComparer.Ordinal)];
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
