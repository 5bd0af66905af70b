using System.Security.Cryptography;
using System.Text;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Domain.Attestations;

/// <summary>
/// A preceptor's signed attestation, a legal record: who signed what, when, meaning what, over which evidence.
/// It never changes after signing; withdrawing it is a new record that points to it.
/// </summary>
public sealed class SignedAttestation : ITraineeEvidence
{
    private SignedAttestation(
        Guid id, Guid traineeId, string signerUserId, AttestationType type, string? concurringFacultyUserId, List<string> categories,
        string statementVersion, string statementText, string signerPrintedName, string signerCredentials, string signerLicense,
        string meaning, DateTimeOffset signedAt, string signerTimeZone, string evidenceSnapshot, string verificationCode,
        Guid? withdrawsAttestationId)
    {
        Id = id;
        TraineeId = traineeId;
        SignerUserId = signerUserId;
        Type = type;
        ConcurringFacultyUserId = concurringFacultyUserId;
        Categories = categories;
        StatementVersion = statementVersion;
        StatementText = statementText;
        SignerPrintedName = signerPrintedName;
        SignerCredentials = signerCredentials;
        SignerLicense = signerLicense;
        Meaning = meaning;
        SignedAt = signedAt;
        SignerTimeZone = signerTimeZone;
        EvidenceSnapshot = evidenceSnapshot;
        EvidenceSha256 = Sha256(evidenceSnapshot);
        VerificationCode = verificationCode;
        WithdrawsAttestationId = withdrawsAttestationId;
    }

    public Guid Id { get; private set; }
    public Guid TraineeId { get; private set; }
    public string SignerUserId { get; private set; }
    public AttestationType Type { get; private set; }
    public string? ConcurringFacultyUserId { get; private set; }

    /// <summary>Category codes attested (G1, G2, G3, …).</summary>
    public List<string> Categories { get; private set; }

    public string StatementVersion { get; private set; }
    public string StatementText { get; private set; }
    public string SignerPrintedName { get; private set; }
    public string SignerCredentials { get; private set; }
    public string SignerLicense { get; private set; }

    /// <summary>What the signature means, shown with it wherever it is displayed (21 CFR 11.50 style manifestation).</summary>
    public string Meaning { get; private set; }

    public DateTimeOffset SignedAt { get; private set; }

    /// <summary>The signer's IANA time zone, so the local signing time can be shown beside UTC.</summary>
    public string SignerTimeZone { get; private set; }

    /// <summary>A canonical JSON snapshot of the evidence attested (the v1 trainee record at signing).</summary>
    public string EvidenceSnapshot { get; private set; }

    public string EvidenceSha256 { get; private set; }

    /// <summary>A short public code that anyone can use to verify the record without seeing anything else.</summary>
    public string VerificationCode { get; private set; }

    /// <summary>Set on a withdrawal: the attestation it withdraws.</summary>
    public Guid? WithdrawsAttestationId { get; private set; }

    public bool IsWithdrawal => WithdrawsAttestationId is not null;

    public static SignedAttestation Sign(
        Guid id, Guid traineeId, string signerUserId, AttestationType type, string? concurringFacultyUserId,
        IEnumerable<string> categories, string statementVersion, string statementText, string signerPrintedName,
        string signerCredentials, string signerLicense, string meaning, DateTimeOffset signedAt, string signerTimeZone,
        string evidenceSnapshot) =>
        new(id, traineeId, signerUserId, type, concurringFacultyUserId, [.. categories], statementVersion, statementText,
            signerPrintedName, signerCredentials, signerLicense, meaning, signedAt.ToUniversalTime(), signerTimeZone, evidenceSnapshot,
            NewVerificationCode(), withdrawsAttestationId: null);

    public SignedAttestation Withdraw(Guid id, string signerUserId, string signerPrintedName, string reason, DateTimeOffset at, string signerTimeZone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (IsWithdrawal)
        {
            throw new InvalidOperationException("A withdrawal cannot itself be withdrawn.");
        }

        return new(id, TraineeId, signerUserId, Type, null, Categories, StatementVersion, reason, signerPrintedName, SignerCredentials,
            SignerLicense, "Withdrawal of attestation " + VerificationCode, at.ToUniversalTime(), signerTimeZone, EvidenceSnapshot,
            NewVerificationCode(), Id);
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    // 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L): about 59 bits, unguessable for lookups.
    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const int CodeLength = 12;

    /// <summary>True when <paramref name="code"/> has the shape of a verification code (upper case, as issued).</summary>
    public static bool IsWellFormedCode(string code) => code.Length == CodeLength && code.All(CodeAlphabet.Contains);

    private static string NewVerificationCode() =>
        string.Create(CodeLength, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
            }
        });
}
