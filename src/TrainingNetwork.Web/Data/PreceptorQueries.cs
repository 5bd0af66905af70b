using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Credentials;
using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Web.Data;

public static class PreceptorQueries
{
    private static readonly string[] ReviewSections = ["35.390", "35.396"];

    /// <summary>
    /// Cases a preceptor may open for review: those they supervised at a center where they are on the preceptor roster.
    /// Their own cases as a physician are included, so that the page can say why it refuses them.
    /// </summary>
    public static IQueryable<SupervisedCase> SupervisedAtOwnCenters(this AppDbContext db, string preceptorUserId) =>
        db.Cases.Where(c => c.SupervisorUserId == preceptorUserId
            && db.CenterMemberships.Any(m => m.CenterId == c.CenterId && m.UserId == preceptorUserId && m.Role == CenterRole.Preceptor));

    /// <summary>The submitted cases waiting for this preceptor's decision, oldest first; never their own.</summary>
    public static IQueryable<SupervisedCase> WaitingForReviewBy(this AppDbContext db, string preceptorUserId) =>
        db.SupervisedAtOwnCenters(preceptorUserId)
            .Where(c => c.Status == CaseStatus.Submitted && !db.Trainees.Any(t => t.Id == c.TraineeId && t.UserId == preceptorUserId))
            .OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id);

    /// <summary>
    /// A preceptor's listings that network staff have verified and that are in force on <paramref name="day"/>. Verification
    /// is the network's rule, not a readiness rule: the engine reads listings as the record states them.
    /// </summary>
    public static Task<List<PracticeAuthorization>> VerifiedListingsInForceAsync(
        this AppDbContext db, string preceptorUserId, DateOnly day, CancellationToken ct = default) =>
        db.VerifiedListingsInForceAsync([preceptorUserId], day, ct);

    /// <inheritdoc cref="VerifiedListingsInForceAsync(AppDbContext, string, DateOnly, CancellationToken)"/>
    public static async Task<List<PracticeAuthorization>> VerifiedListingsInForceAsync(
        this AppDbContext db, IReadOnlyCollection<string> preceptorUserIds, DateOnly day, CancellationToken ct = default) =>
        (await db.PracticeAuthorizations.AsNoTracking()
            .Where(a => preceptorUserIds.Contains(a.UserId) && a.Verification == VerificationStatus.Verified && a.Status == AuthorizationStatus.Listed)
            .ToListAsync(ct))
        .Where(a => a.IsListedOn(day))
        .ToList();

    /// <summary>The 35.300 category codes a preceptor may review cases in on <paramref name="day"/>: those of their verified 35.390 or 35.396 listings in force.</summary>
    public static async Task<IReadOnlySet<string>> ReviewableCategoriesAsync(
        this AppDbContext db, string preceptorUserId, DateOnly day, CancellationToken ct = default) =>
        (await db.VerifiedListingsInForceAsync(preceptorUserId, day, ct))
            .Where(a => ReviewSections.Contains(a.Basis))
            .SelectMany(a => a.Categories)
            .ToHashSet();
}
