using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Attestations;

/// <summary>A signed attestation (or withdrawal) as stored: for its signer, the physician it concerns, and network staff.</summary>
public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public SignedAttestation Attestation { get; private set; } = null!;
    public string TraineeName { get; private set; } = "";
    public DateTimeOffset LocalTime { get; private set; }

    /// <summary>The record that withdrew this attestation, if any.</summary>
    public SignedAttestation? Withdrawal { get; private set; }

    /// <summary>On a withdrawal: the verification code of the attestation it withdrew.</summary>
    public string? WithdrawnCode { get; private set; }

    public bool CanWithdraw { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await db.Attestations.AsNoTracking()
            .Where(a => a.Id == id)
            .Join(db.Trainees, a => a.TraineeId, t => t.Id, (a, t) => new { Attestation = a, t.UserId })
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new { x.Attestation, x.UserId, u.FullName })
            .SingleOrDefaultAsync(ct);
        var userId = User.GetUserId();
        var staff = User.IsInRole(Roles.Staff) || User.IsInRole(Roles.Admin);
        if (found is null || !(staff || found.Attestation.SignerUserId == userId || found.UserId == userId))
        {
            return NotFound();
        }

        Attestation = found.Attestation;
        TraineeName = found.FullName;
        LocalTime = TimeZoneInfo.ConvertTime(Attestation.SignedAt, TimeZoneInfo.FindSystemTimeZoneById(Attestation.SignerTimeZone));
        Withdrawal = await db.Attestations.AsNoTracking().SingleOrDefaultAsync(a => a.WithdrawsAttestationId == id, ct);
        WithdrawnCode = Attestation.WithdrawsAttestationId is { } withdrawn
            ? await db.Attestations.Where(a => a.Id == withdrawn).Select(a => a.VerificationCode).SingleAsync(ct)
            : null;
        CanWithdraw = Attestation.SignerUserId == userId && !Attestation.IsWithdrawal && Withdrawal is null;
        return Page();
    }
}
