using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Attestations;

/// <summary>A preceptor signs the attestation for a physician the engine finds ready but for it.</summary>
[Authorize(Policy = Policies.Preceptor)]
public sealed class SignModel(AppDbContext db, TraineeRecordLoader loader, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    public AttestationCandidate Candidate { get; private set; } = null!;
    public ReadinessExplanation Explanation { get; private set; } = null!;
    public string SignerName { get; private set; } = "";
    public bool HasAuthenticator { get; private set; }

    [BindProperty]
    public SignInput Input { get; set; } = new();

    /// <summary>The statement as it will be stored for the categories offered.</summary>
    public string Statement => AttestationStatements.PreceptorAu(Candidate.TraineeName, Candidate.Record.Pathway, Candidate.MayAttest);

    public string Meaning => AttestationStatements.Meaning(SignerName);

    public async Task<IActionResult> OnGetAsync(Guid traineeId, CancellationToken ct)
    {
        if (await LoadAsync(traineeId, ct) is null)
        {
            return NotFound();
        }

        Input.Categories = [.. Candidate.MayAttest.Select(RecordCodes.Categories.ToCode)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid traineeId, CancellationToken ct)
    {
        if (await LoadAsync(traineeId, ct) is not { } signer)
        {
            return NotFound();
        }

        if (!Candidate.CanSign || !HasAuthenticator)
        {
            ModelState.AddModelError("", "This attestation cannot be signed now; the page says why.");
            return Page();
        }

        var offered = Candidate.MayAttest.ToDictionary(RecordCodes.Categories.ToCode);
        var chosen = Input.Categories.Distinct().Where(offered.ContainsKey).Select(code => offered[code]).ToList();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError("Input.Categories", "Tick at least one category to attest.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow();
        if (await SignatureCheck.VerifyAsync(users, signer, Input, now) is { } problem)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
            return Page();
        }

        var attestation = SignedAttestation.Sign(
            Guid.CreateVersion7(now), traineeId, signer.Id, AttestationType.PreceptorAu, concurringFacultyUserId: null,
            chosen.Select(RecordCodes.Categories.ToCode), AttestationStatements.CurrentVersion,
            AttestationStatements.PreceptorAu(Candidate.TraineeName, Candidate.Record.Pathway, chosen),
            signer.FullName, Candidate.Credentials, Candidate.Listing!.License, Meaning, now, Input.TimeZone,
            TraineeRecordJsonWriter.Serialize(Candidate.Record));
        db.Attestations.Add(attestation);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = $"You signed the attestation for {Candidate.TraineeName}. Verification code {attestation.VerificationCode}.";
        return RedirectToPage("Details", new { id = attestation.Id });
    }

    /// <summary>The signer, with the page's state loaded; null when the physician is not one this preceptor may see.</summary>
    private async Task<ApplicationUser?> LoadAsync(Guid traineeId, CancellationToken ct)
    {
        var signer = await users.GetUserAsync(User);
        if (signer is null || await db.LoadCandidateAsync(loader, signer.Id, traineeId, clock.Today(), ct) is not { } candidate)
        {
            return null;
        }

        Candidate = candidate;
        SignerName = signer.FullName;
        HasAuthenticator = await SignatureCheck.HasAuthenticatorAsync(users, signer);
        Explanation = ReadinessExplanation.For(candidate.Record, candidate.Result);
        return signer;
    }


    public sealed class SignInput : SignatureInput
    {
        public List<string> Categories { get; set; } = [];
    }
}
