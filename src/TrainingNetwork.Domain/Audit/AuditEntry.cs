using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TrainingNetwork.Domain.Audit;

/// <summary>
/// One state change in the audit trail: who did what to which record, when, with hashes of the record before and after.
/// Entries form a hash chain: each hash covers the entry and the previous entry's hash, so an edited, inserted or deleted
/// row breaks every hash after it. Entries are only ever appended.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private AuditEntry(
        DateTimeOffset at, string? actorUserId, AuditAction action, string subjectType, string subjectId,
        string? beforeSha256, string? afterSha256, string summary)
    {
        At = at;
        ActorUserId = actorUserId;
        Action = action;
        SubjectType = subjectType;
        SubjectId = subjectId;
        BeforeSha256 = beforeSha256;
        AfterSha256 = afterSha256;
        Summary = summary;
    }

    /// <summary>Position in the chain, from 1, without gaps.</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The account that made the change; null for the system (imports by a job, scheduled expiry).</summary>
    public string? ActorUserId { get; private set; }

    public AuditAction Action { get; private set; }
    public string SubjectType { get; private set; }
    public string SubjectId { get; private set; }
    public string? BeforeSha256 { get; private set; }
    public string? AfterSha256 { get; private set; }

    /// <summary>What happened, in words, without clinical details.</summary>
    public string Summary { get; private set; }

    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    /// <summary>
    /// A new, not yet chained entry. <paramref name="before"/> and <paramref name="after"/> are snapshots of the subject
    /// (any JSON-serializable value, null when it did not exist); only their SHA-256 is kept.
    /// </summary>
    public static AuditEntry Record(
        DateTimeOffset at, string? actorUserId, AuditAction action, string subjectType, string subjectId,
        object? before, object? after, string summary)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectType);
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        return new AuditEntry(ToMicroseconds(at), actorUserId, action, subjectType, subjectId, SnapshotHash(before), SnapshotHash(after), summary);
    }

    /// <summary>
    /// Places the entry after the chain's head, under the database's append lock. A save that fails leaves it unwritten,
    /// and the next attempt chains it again after the head of that moment.
    /// </summary>
    public void Chain(long sequence, string previousHash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    /// <summary>The hash the entry's stored fields produce now; differs from <see cref="Hash"/> once a field was changed.</summary>
    public string ComputeHash()
    {
        // A JSON array keeps field boundaries unambiguous: no text can move from one field into its neighbour.
        var canonical = JsonSerializer.Serialize(new[]
        {
            Sequence.ToString(CultureInfo.InvariantCulture), At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ActorUserId, Action.ToString(), SubjectType, SubjectId, BeforeSha256, AfterSha256, Summary, PreviousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static string? SnapshotHash(object? snapshot) =>
        snapshot is null ? null : Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(snapshot)));

    // PostgreSQL keeps microseconds; hashing the stored precision keeps the hash stable across a round trip.
    private static DateTimeOffset ToMicroseconds(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }
}

public enum AuditAction
{
    CaseSubmitted,
    CaseApproved,
    CaseReturned,
    AttestationSigned,
    AttestationWithdrawn,
    ListingFirstCheck,
    ListingConfirmed,
    ListingRejected,
    ListingLapsed,
    PacketAccepted,
    PacketChangesRequested,
    ReviewPointClosed,
    RoleGranted,
    RoleRevoked,
    AccountInvited,
    ProgramDirectorChanged,
    PlacementDecided,
    RecordsImported,
    DataExported,
    AccountDisabled,
    AccountEnabled,
    SessionsRevoked,
    CapacityChanged,
    WaitlistJoined,
    WaitlistOffered,
    WaitlistOfferAccepted,
    WaitlistOfferDeclined,
    WaitlistOfferLapsed,
    WaitlistLeft,
    JurisdictionRuleAdded,
    JurisdictionRuleRemoved,
    RuleSetOverridden,
    IntendedLicenseeChanged,
}
