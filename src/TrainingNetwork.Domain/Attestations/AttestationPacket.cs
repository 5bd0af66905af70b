namespace TrainingNetwork.Domain.Attestations;

/// <summary>
/// The PDF packet generated for an attestation, kept once so that anyone can later check that a PDF they hold is exactly
/// the one issued (by its SHA-256).
/// </summary>
public sealed class AttestationPacket(Guid attestationId, Guid documentId, string sha256, DateTimeOffset generatedAt)
{
    public Guid AttestationId { get; private set; } = attestationId;
    public Guid DocumentId { get; private set; } = documentId;
    public string Sha256 { get; private set; } = sha256;
    public DateTimeOffset GeneratedAt { get; private set; } = generatedAt;
}
