using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Domain.Documents;
using TrainingNetwork.Web.Attestations;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Attestations;

/// <summary>
/// The attestation packet PDF, for the physician it concerns, its signer and network staff. The first download
/// generates and stores it; every later one serves those same bytes, so a file people hold stays verifiable.
/// </summary>
public sealed class PacketModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var userId = User.GetUserId();
        var staff = User.IsInRole(Roles.Staff) || User.IsInRole(Roles.Admin);
        var attestation = await db.Attestations.AsNoTracking()
            .Where(a => a.Id == id && a.WithdrawsAttestationId == null)
            .Where(a => staff || a.SignerUserId == userId || db.Trainees.Any(t => t.Id == a.TraineeId && t.UserId == userId))
            .SingleOrDefaultAsync(ct);
        if (attestation is null)
        {
            return NotFound();
        }

        var content = await StoredPacketAsync(id, ct) ?? await GenerateAsync(attestation, ct);
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(content, PacketPdf.ContentType, PacketPdf.FileName(attestation.VerificationCode));
    }

    private Task<byte[]?> StoredPacketAsync(Guid attestationId, CancellationToken ct) =>
        db.AttestationPackets.Where(p => p.AttestationId == attestationId)
            .Join(db.Documents, p => p.DocumentId, d => d.Id, (p, d) => d.Content)
            .SingleOrDefaultAsync(ct);

    private async Task<byte[]> GenerateAsync(SignedAttestation attestation, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var verifyUrl = new Uri(Url.PageLink("/Verify", values: new { code = attestation.VerificationCode })!);
        var content = await PacketContent.LoadAsync(db, attestation, verifyUrl, ct);
        var physicianUserId = await db.Trainees.Where(t => t.Id == attestation.TraineeId).Select(t => t.UserId).SingleAsync(ct);
        var document = new StoredDocument(Guid.CreateVersion7(now), physicianUserId, PacketPdf.FileName(attestation.VerificationCode),
            PacketPdf.ContentType, PacketPdf.Render(content, now), now);
        db.Documents.Add(document);
        db.AttestationPackets.Add(new AttestationPacket(attestation.Id, document.Id, document.Sha256, now));
        try
        {
            await db.SaveChangesAsync(ct);
            return document.Content;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another download generated the packet first: serve that one, the only one ever issued.
            db.ChangeTracker.Clear();
            return await StoredPacketAsync(attestation.Id, ct) ?? throw new InvalidOperationException("The packet that won the race is missing.", e);
        }
    }
}
