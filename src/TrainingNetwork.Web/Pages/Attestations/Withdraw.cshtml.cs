using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Attestations;

/// <summary>The signer withdraws their attestation: a new, signed record; the attestation itself never changes.</summary>
[Authorize(Policy = Policies.Preceptor)]
[IdempotentForm]
public sealed class WithdrawModel(
    AppDbContext db, UserManager<ApplicationUser> users, OneTimeAuthenticatorTokenProvider authenticator, TimeProvider clock, IdempotentForms forms)
    : PageModel
{
    public SignedAttestation Attestation { get; private set; } = null!;

    [BindProperty]
    public WithdrawInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } found)
        {
            return NotFound();
        }

        Attestation = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } found)
        {
            return NotFound();
        }

        Attestation = found;
        var reason = Input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            ModelState.AddModelError("Input.Reason", "Say why you withdraw the attestation.");
        }
        else if (TextInput.Problem(reason, 1000) is { } problem)
        {
            ModelState.AddModelError("Input.Reason", problem);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var signer = (await users.GetUserAsync(User))!;
        var now = clock.GetUtcNow();
        if (await SignatureCheck.VerifyAsync(users, authenticator, signer, Input) is { } failure)
        {
            ModelState.AddModelError(failure.Field, failure.Message);
            return Page();
        }

        var withdrawal = found.Withdraw(Guid.CreateVersion7(now), signer.Id, signer.FullName, TextInput.Clean(reason!), now, Input.TimeZone);
        db.Attestations.Add(withdrawal);
        db.Audit(signer.Id, AuditAction.AttestationWithdrawn, "attestation", found.Id, AuditSnapshots.Of(found), AuditSnapshots.Of(withdrawal),
            $"Attestation {found.VerificationCode} withdrawn by {signer.FullName}");
        try
        {
            return await forms.SaveAsync(this, RedirectToPage("Details", new { id }), $"You withdrew attestation {found.VerificationCode}.", ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            TempData["Status"] = "This attestation was already withdrawn.";
            return RedirectToPage("Details", new { id });
        }
    }

    /// <summary>The signer's own attestation in force; a withdrawal, or one already withdrawn, cannot be withdrawn.</summary>
    private Task<SignedAttestation?> FindAsync(Guid id, CancellationToken ct)
    {
        var userId = User.GetUserId();
        return db.Attestations.AsNoTracking()
            .Where(a => a.Id == id && a.SignerUserId == userId && a.WithdrawsAttestationId == null)
            .Where(a => !db.Attestations.Any(w => w.WithdrawsAttestationId == a.Id))
            .SingleOrDefaultAsync(ct);
    }

    public sealed class WithdrawInput : SignatureInput
    {
        [Display(Name = "Reason for withdrawing")]
        [DataType(DataType.MultilineText)]
        public string? Reason { get; set; }
    }
}
