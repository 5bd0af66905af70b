using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Attestations;

/// <summary>
/// A preceptor signs the attestation for a physician the engine finds ready but for it: as an Authorized User, or, when
/// <see cref="Faculty"/> names a concurring faculty Authorized User, as residency program director. The concurring
/// faculty member is chosen first (a GET), so that the page always shows the exact statement that will be stored.
/// </summary>
[Authorize(Policy = Policies.Preceptor)]
[IdempotentForm]
public sealed class SignModel(
    AppDbContext db, TraineeRecordLoader loader, UserManager<ApplicationUser> users, OneTimeAuthenticatorTokenProvider authenticator,
    TimeProvider clock, IdempotentForms forms) : PageModel
{
    public AttestationCandidate Candidate { get; private set; } = null!;
    public ReadinessExplanation Explanation { get; private set; } = null!;
    public string SignerName { get; private set; } = "";
    public bool HasAuthenticator { get; private set; }

    [BindProperty]
    public SignInput Input { get; set; } = new();

    /// <summary>The user id of the concurring faculty member when signing as residency program director.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Faculty { get; set; }

    public ConcurringFaculty? ChosenFaculty { get; private set; }

    /// <summary>The categories this signature can cover: the signer's own, or those of the concurring faculty member.</summary>
    public IReadOnlyList<UseCategory> Offered => ChosenFaculty?.Covers ?? Candidate.MayAttest;

    /// <summary>The statement as it will be stored for the categories offered.</summary>
    public string Statement => StatementFor(Offered);

    public string SignerCredentials => ChosenFaculty is { } faculty
        ? $"Residency program director; concurring faculty: {faculty.Name}, {faculty.Credentials}"
        : Candidate.Credentials;

    /// <summary>The license the attestation is given under: the signer's own, or the concurring faculty member's.</summary>
    public string SignerLicense => ChosenFaculty?.Listing.License ?? Candidate.Listing?.License ?? "";

    public string Meaning => AttestationStatements.Meaning(SignerName);

    public async Task<IActionResult> OnGetAsync(Guid traineeId, CancellationToken ct)
    {
        if (await LoadAsync(traineeId, ct) is null)
        {
            return NotFound();
        }

        Input.Categories = [.. Offered.Select(RecordCodes.Categories.ToCode)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid traineeId, CancellationToken ct)
    {
        if (await LoadAsync(traineeId, ct) is not { } signer)
        {
            return NotFound();
        }

        if (Offered.Count == 0 || !HasAuthenticator)
        {
            ModelState.AddModelError("", "This attestation cannot be signed now; the page says why.");
            return Page();
        }

        var offered = Offered.ToDictionary(RecordCodes.Categories.ToCode);
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
        if (await SignatureCheck.VerifyAsync(users, authenticator, signer, Input) is { } problem)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
            return Page();
        }

        var attestation = SignedAttestation.Sign(
            Guid.CreateVersion7(now), traineeId, signer.Id,
            ChosenFaculty is null ? AttestationType.PreceptorAu : AttestationType.ResidencyProgramDirector, ChosenFaculty?.UserId,
            chosen.Select(RecordCodes.Categories.ToCode), AttestationStatements.CurrentVersion, StatementFor(chosen),
            signer.FullName, SignerCredentials, SignerLicense, Meaning, now, Input.TimeZone,
            TraineeRecordJsonWriter.Serialize(Candidate.Record));
        db.Attestations.Add(attestation);
        db.Audit(signer.Id, AuditAction.AttestationSigned, "attestation", attestation.Id, null, AuditSnapshots.Of(attestation),
            $"Attestation {attestation.VerificationCode} signed by {signer.FullName} for {string.Join(", ", attestation.Categories)}");
        return await forms.SaveAsync(this, RedirectToPage("Details", new { id = attestation.Id }),
            $"You signed the attestation for {Candidate.TraineeName}. Verification code {attestation.VerificationCode}.", ct);
    }

    private string StatementFor(IEnumerable<UseCategory> categories) => ChosenFaculty is { } faculty
        ? AttestationStatements.ResidencyProgramDirector(Candidate.TraineeName, Candidate.Record.Pathway, categories, faculty.Name)
        : AttestationStatements.PreceptorAu(Candidate.TraineeName, Candidate.Record.Pathway, categories);

    /// <summary>
    /// The signer, with the page's state loaded; null when the physician is not one this preceptor may see, or the
    /// concurring faculty member named is not one the signer may name.
    /// </summary>
    private async Task<ApplicationUser?> LoadAsync(Guid traineeId, CancellationToken ct)
    {
        var signer = await users.GetUserAsync(User);
        if (signer is null || await db.LoadCandidateAsync(loader, signer.Id, traineeId, clock.Today(), ct) is not { } candidate)
        {
            return null;
        }

        Candidate = candidate;
        if (!string.IsNullOrEmpty(Faculty))
        {
            ChosenFaculty = candidate.Faculty.SingleOrDefault(f => f.UserId == Faculty);
            if (ChosenFaculty is null)
            {
                return null;
            }
        }

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
