using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Domain.Reviews;

/// <summary>
/// Network staff's decision on an attested packet: accepted, or changes requested with a note the physician sees.
/// Decisions are never edited; a later decision on the same attestation supersedes an earlier one.
/// </summary>
public sealed class PacketReview : ITraineeEvidence
{
    private PacketReview(
        Guid id, Guid attestationId, Guid traineeId, string reviewerUserId, string reviewerName, PacketDecision decision,
        string? note, DateTimeOffset decidedAt, string engineVersion)
    {
        Id = id;
        AttestationId = attestationId;
        TraineeId = traineeId;
        ReviewerUserId = reviewerUserId;
        ReviewerName = reviewerName;
        Decision = decision;
        Note = note;
        DecidedAt = decidedAt;
        EngineVersion = engineVersion;
    }

    public Guid Id { get; private set; }
    public Guid AttestationId { get; private set; }
    public Guid TraineeId { get; private set; }
    public string ReviewerUserId { get; private set; }
    public string ReviewerName { get; private set; }
    public PacketDecision Decision { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }

    /// <summary>The readiness engine version whose result the reviewer saw.</summary>
    public string EngineVersion { get; private set; }

    public static PacketReview Accept(
        Guid id, Guid attestationId, Guid traineeId, string reviewerUserId, string reviewerName, string? note, DateTimeOffset at, string engineVersion) =>
        new(id, attestationId, traineeId, reviewerUserId, reviewerName, PacketDecision.Accepted,
            string.IsNullOrWhiteSpace(note) ? null : note.Trim(), at.ToUniversalTime(), engineVersion);

    public static PacketReview RequestChanges(
        Guid id, Guid attestationId, Guid traineeId, string reviewerUserId, string reviewerName, string note, DateTimeOffset at, string engineVersion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        return new(id, attestationId, traineeId, reviewerUserId, reviewerName, PacketDecision.ChangesRequested, note.Trim(), at.ToUniversalTime(), engineVersion);
    }
}

public enum PacketDecision
{
    Accepted,
    ChangesRequested,
}
