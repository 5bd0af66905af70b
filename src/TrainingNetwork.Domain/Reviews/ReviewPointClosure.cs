using System.Security.Cryptography;
using System.Text;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Domain.Reviews;

/// <summary>
/// A named staff member's written justification for accepting one NEEDS_REVIEW finding of the engine on an attested
/// packet. The finding is identified by its category, code, citation and detail: when the evidence changes and the engine
/// words the finding differently, it is a new point that needs its own justification.
/// </summary>
public sealed class ReviewPointClosure : ITraineeEvidence
{
    private ReviewPointClosure(
        Guid id, Guid attestationId, Guid traineeId, string pointKey, string category, string reasonCode, string detail,
        string justification, string staffUserId, string staffName, DateTimeOffset closedAt)
    {
        Id = id;
        AttestationId = attestationId;
        TraineeId = traineeId;
        PointKey = pointKey;
        Category = category;
        ReasonCode = reasonCode;
        Detail = detail;
        Justification = justification;
        StaffUserId = staffUserId;
        StaffName = staffName;
        ClosedAt = closedAt;
    }

    public Guid Id { get; private set; }
    public Guid AttestationId { get; private set; }
    public Guid TraineeId { get; private set; }

    /// <summary>SHA-256 of the finding's category, code, citation and detail (<see cref="KeyOf"/>).</summary>
    public string PointKey { get; private set; }

    public string Category { get; private set; }
    public string ReasonCode { get; private set; }
    public string Detail { get; private set; }
    public string Justification { get; private set; }
    public string StaffUserId { get; private set; }
    public string StaffName { get; private set; }
    public DateTimeOffset ClosedAt { get; private set; }

    public static ReviewPointClosure Close(
        Guid id, Guid attestationId, Guid traineeId, UseCategory category, Finding finding, string justification,
        string staffUserId, string staffName, DateTimeOffset at)
    {
        if (!finding.NeedsReview)
        {
            throw new InvalidOperationException("Only a NEEDS_REVIEW finding is closed by a reviewer.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(justification);
        ArgumentException.ThrowIfNullOrWhiteSpace(staffName);
        return new(id, attestationId, traineeId, KeyOf(category, finding), RecordCodes.Categories.ToCode(category),
            ReasonCodes.Codes.ToCode(finding.Code), finding.Detail, justification.Trim(), staffUserId, staffName, at.ToUniversalTime());
    }

    /// <summary>The stable identity of a finding on a category.</summary>
    public static string KeyOf(UseCategory category, Finding finding) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
            RecordCodes.Categories.ToCode(category), ReasonCodes.Codes.ToCode(finding.Code), finding.Citation, finding.Detail))));
}
