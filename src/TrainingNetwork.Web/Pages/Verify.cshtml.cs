using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Web.Attestations;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;
using TrainingNetwork.Web.Setup;

namespace TrainingNetwork.Web.Pages;

/// <summary>
/// Public verification of an attestation, by its code (typed, or from the packet's QR link) or by the packet file
/// itself. It confirms what was signed, by whom and when, and whether it was withdrawn, and reveals nothing else.
/// </summary>
[EnableRateLimiting(RateLimitingSetup.PublicApi)]
[OversizedUpload(RequestLimit)]
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public sealed class VerifyModel(AppDbContext db) : PageModel
{
    private const long RequestLimit = DocumentUploads.MaxBytes + (1024 * 1024);
    private static readonly string TooLarge = $"The file is larger than {DocumentUploads.MaxBytes / (1024 * 1024)} MB, so it is not a packet TrainingNetwork issued.";

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Verification code")]
    public string? Code { get; set; }

    [BindProperty]
    [Display(Name = "Packet PDF")]
    public IFormFile? Packet { get; set; }

    public Verification? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool tooLarge, CancellationToken ct)
    {
        if (tooLarge)
        {
            ModelState.AddModelError(nameof(Packet), TooLarge);
        }

        if (!Request.Query.ContainsKey(nameof(Code)))
        {
            return Page();
        }

        var code = (Code ?? "").Trim().ToUpperInvariant();
        if (!SignedAttestation.IsWellFormedCode(code))
        {
            ModelState.AddModelError(nameof(Code), "Enter the 12 letters and digits of the verification code, as printed on the packet.");
            return Page();
        }

        // A withdrawal's own code leads to the attestation it withdrew.
        var attestationId = await db.Attestations.Where(a => a.VerificationCode == code)
            .Select(a => (Guid?)(a.WithdrawsAttestationId ?? a.Id)).SingleOrDefaultAsync(ct);
        Result = attestationId is { } id ? await VerifiedAsync(id, ct) : Verification.NotValid("no attestation has this code.");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Packet is not { Length: > 0 })
        {
            ModelState.AddModelError(nameof(Packet), "Choose the packet PDF to check.");
            return Page();
        }

        if (Packet.Length > DocumentUploads.MaxBytes)
        {
            ModelState.AddModelError(nameof(Packet), TooLarge);
            return Page();
        }

        using var buffer = new MemoryStream((int)Packet.Length);
        await Packet.CopyToAsync(buffer, ct);
        if (!buffer.GetBuffer().AsSpan(0, (int)buffer.Length).StartsWith("%PDF-"u8))
        {
            ModelState.AddModelError(nameof(Packet), "This file is not a PDF. Choose the packet PDF you were given.");
            return Page();
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        var attestationId = await db.AttestationPackets.Where(p => p.Sha256 == sha256).Select(p => (Guid?)p.AttestationId).SingleOrDefaultAsync(ct);
        Result = attestationId is { } id
            ? await VerifiedAsync(id, ct)
            : Verification.NotValid("this file is not a packet TrainingNetwork issued, or it has been changed.");
        return Page();
    }

    private async Task<Verification> VerifiedAsync(Guid attestationId, CancellationToken ct)
    {
        var found = await db.Attestations.AsNoTracking().Where(a => a.Id == attestationId)
            .Join(db.Trainees, a => a.TraineeId, t => t.Id, (a, t) => new { Attestation = a, t.UserId })
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new { x.Attestation, u.FullName })
            .SingleAsync(ct);
        var withdrawal = await db.Attestations.AsNoTracking().Where(a => a.WithdrawsAttestationId == attestationId)
            .Select(a => new { a.SignedAt, a.SignerTimeZone, a.SignerPrintedName }).SingleOrDefaultAsync(ct);
        var a = found.Attestation;
        var signed = $"this attestation was signed by {a.SignerPrintedName}, {a.SignerCredentials}, on {SigningTimes.Utc(a.SignedAt)} " +
            $"({SigningTimes.InZone(a.SignedAt, a.SignerTimeZone)}), for {string.Join(", ", a.Categories)} of {found.FullName} under " +
            $"{PacketContent.Section(PacketContent.Snapshot(a).Pathway)}; evidence fingerprint {a.EvidenceSha256}; ";
        return withdrawal is null
            ? new Verification(VerificationOutcome.Valid, signed + "not withdrawn.")
            : new Verification(VerificationOutcome.Withdrawn, signed + $"withdrawn on {SigningTimes.Utc(withdrawal.SignedAt)} " +
                $"({SigningTimes.InZone(withdrawal.SignedAt, withdrawal.SignerTimeZone)}) by {withdrawal.SignerPrintedName}.");
    }

    public enum VerificationOutcome
    {
        Valid,
        Withdrawn,
        NotValid,
    }

    public sealed record Verification(VerificationOutcome Outcome, string Text)
    {
        public static Verification NotValid(string text) => new(VerificationOutcome.NotValid, text);
    }
}
