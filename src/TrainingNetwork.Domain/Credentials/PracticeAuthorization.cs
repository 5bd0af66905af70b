using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Credentials;

/// <summary>
/// A license or permit listing a person as an Authorized User (named so to keep clear of ASP.NET's authorization types).
/// </summary>
public sealed class PracticeAuthorization
{
    public PracticeAuthorization(
        Guid id, string userId, string basis, List<string> categories, string license,
        Regulator regulator, string? state, DateOnly listedFrom, DateOnly? listedUntil,
        AuthorizationStatus status = AuthorizationStatus.Listed, Guid? licenseDocumentId = null)
    {
        if (listedUntil < listedFrom)
        {
            throw new ArgumentException("An authorization cannot end before it starts.", nameof(listedUntil));
        }

        Id = id;
        UserId = userId;
        Basis = basis;
        Categories = [.. categories];
        License = license;
        Regulator = regulator;
        State = state is null ? null : UsState.Normalize(state);
        ListedFrom = listedFrom;
        ListedUntil = listedUntil;
        Status = status;
        LicenseDocumentId = licenseDocumentId;
    }

    public Guid Id { get; private set; }
    public string UserId { get; private set; }

    /// <summary>The 10 CFR section under which the person is an AU, e.g. "35.390" or "35.490".</summary>
    public string Basis { get; private set; }

    /// <summary>35.300 category codes covered (G1, G2, G3, and legacy codes); empty for 35.490 and 35.690.</summary>
    public List<string> Categories { get; private set; }

    public string License { get; private set; }
    public Regulator Regulator { get; private set; }
    public string? State { get; private set; }
    public DateOnly ListedFrom { get; private set; }
    public DateOnly? ListedUntil { get; private set; }

    /// <summary>Pending: an amendment listing the person was requested but not yet issued.</summary>
    public AuthorizationStatus Status { get; private set; }

    /// <summary>The uploaded copy of the license page that lists the person.</summary>
    public Guid? LicenseDocumentId { get; private set; }

    public VerificationStatus Verification { get; private set; } = VerificationStatus.Unverified;
    public string? FirstCheckedByUserId { get; private set; }
    public DateTimeOffset? FirstCheckedAt { get; private set; }
    public string? VerifiedByUserId { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public string? RejectionReason { get; private set; }

    public bool IsVerified => Verification == VerificationStatus.Verified;

    public bool IsListedOn(DateOnly date) => ListedFrom <= date && (ListedUntil is null || date <= ListedUntil);

    /// <summary>The first of two staff checks against the uploaded license page.</summary>
    public void RecordFirstCheck(string staffUserId, DateTimeOffset at)
    {
        if (Verification != VerificationStatus.Unverified)
        {
            throw new InvalidOperationException("This listing has already been checked.");
        }

        Verification = VerificationStatus.FirstCheckDone;
        FirstCheckedByUserId = staffUserId;
        FirstCheckedAt = at;
    }

    /// <summary>The confirming check: by a different staff member than the first.</summary>
    public void Confirm(string staffUserId, DateTimeOffset at)
    {
        if (Verification != VerificationStatus.FirstCheckDone)
        {
            throw new InvalidOperationException("A listing is confirmed after its first check.");
        }

        if (staffUserId == FirstCheckedByUserId)
        {
            throw new InvalidOperationException("A second, different staff member must confirm the check.");
        }

        Verification = VerificationStatus.Verified;
        VerifiedByUserId = staffUserId;
        VerifiedAt = at;
    }

    public void Reject(string staffUserId, string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Verification = VerificationStatus.Rejected;
        VerifiedByUserId = staffUserId;
        VerifiedAt = at;
        RejectionReason = reason;
    }
}
