using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Credentials;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Network.Verification;

/// <summary>A preceptor's Authorized User listing as network staff check it, with the people and the license page behind it.</summary>
public sealed record PreceptorListing(
    Guid Id, string PreceptorUserId, string Preceptor, string? Email, List<string> Centers, string Basis, List<string> Categories,
    string License, Regulator Regulator, string? State, AuthorizationStatus Status, DateOnly ListedFrom, DateOnly? ListedUntil,
    Guid? DocumentId, string? DocumentName, VerificationStatus Verification, string? FirstCheckedByUserId, string? FirstChecker,
    DateTimeOffset? FirstCheckedAt, string? Decider, DateTimeOffset? DecidedAt, string? RejectionReason)
{
    /// <summary>E.g. "10 CFR 35.390 (G1, G2, G3)".</summary>
    public string Section => $"10 CFR {Basis}{(Categories.Count == 0 ? "" : $" ({string.Join(", ", Categories)})")}";

    public string Issuer => Regulator == Regulator.Nrc ? "NRC" : $"Agreement State {State}";

    public string Listed => $"{ListedFrom:yyyy-MM-dd} – {ListedUntil?.ToString("yyyy-MM-dd") ?? "no end date"}";

    public string VerificationInWords => Verification switch
    {
        VerificationStatus.FirstCheckDone => "Checked once; waiting for a second staff member",
        VerificationStatus.Verified => "Verified",
        VerificationStatus.Rejected => "Rejected",
        _ => "Waiting for a first check",
    };
}

public static class PreceptorListings
{
    /// <summary>
    /// The listings of people on a center's preceptor roster: theirs are the listings that open case review and attestation.
    /// A physician's own listings are evidence the engine reads as recorded, so they wait for no staff check.
    /// </summary>
    public static IQueryable<PracticeAuthorization> OfPreceptors(this AppDbContext db) =>
        db.PracticeAuthorizations.Where(a => db.CenterMemberships.Any(m => m.UserId == a.UserId && m.Role == CenterRole.Preceptor));

    public static IQueryable<PreceptorListing> AsPreceptorListings(this IQueryable<PracticeAuthorization> listings, AppDbContext db) =>
        listings.Select(a => new PreceptorListing(
            a.Id, a.UserId,
            db.Users.Where(u => u.Id == a.UserId).Select(u => u.FullName).First(),
            db.Users.Where(u => u.Id == a.UserId).Select(u => u.Email).First(),
            db.CenterMemberships.Where(m => m.UserId == a.UserId && m.Role == CenterRole.Preceptor)
                .Join(db.Centers, m => m.CenterId, c => c.Id, (_, c) => c.Name).OrderBy(name => name).ToList(),
            a.Basis, a.Categories, a.License, a.Regulator, a.State, a.Status, a.ListedFrom, a.ListedUntil,
            a.LicenseDocumentId, db.Documents.Where(d => d.Id == a.LicenseDocumentId).Select(d => d.FileName).FirstOrDefault(),
            a.Verification, a.FirstCheckedByUserId,
            db.Users.Where(u => u.Id == a.FirstCheckedByUserId).Select(u => u.FullName).FirstOrDefault(), a.FirstCheckedAt,
            db.Users.Where(u => u.Id == a.VerifiedByUserId).Select(u => u.FullName).FirstOrDefault(), a.VerifiedAt, a.RejectionReason));
}
