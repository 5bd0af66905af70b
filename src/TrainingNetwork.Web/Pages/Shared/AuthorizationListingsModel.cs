using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Credentials;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Pages.Profile;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages;

/// <summary>
/// What the physician's and the preceptor's listing pages share: the signed-in person's own Authorized User listings,
/// each with the uploaded license page that shows it and where network staff are in checking it (<c>_AuthorizationListings</c>).
/// </summary>
[OversizedUpload(RequestLimit)]
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
[IdempotentForm("Add")]
public abstract class AuthorizationListingsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    private const long RequestLimit = DocumentUploads.MaxBytes + (1024 * 1024);

    public static readonly IReadOnlyList<(string Code, string Meaning)> Bases =
    [
        ("35.390", "unsealed byproduct material requiring a written directive"),
        ("35.396", "parenteral administration requiring a written directive"),
        ("35.392", "oral sodium iodide I-131, up to 1.22 GBq (33 mCi)"),
        ("35.394", "oral sodium iodide I-131, more than 1.22 GBq (33 mCi)"),
        ("35.490", "manual brachytherapy"),
        ("35.690", "remote afterloader, teletherapy and gamma stereotactic radiosurgery units"),
        ("35.57", "experienced Authorized User (grandfathered)"),
    ];

    public static readonly IReadOnlyList<string> Categories = ["G1", "G2", "G3"];

    private static readonly string[] SectionsWithCategories = ["35.390", "35.396"];

    [BindProperty]
    public AuthorizationInput Input { get; set; } = new();

    public IReadOnlyList<AuthorizationRow> Authorizations { get; private set; } = [];

    /// <summary>The section the form starts at: the one people on this page most often hold.</summary>
    protected abstract string DefaultBasis { get; }

    /// <summary>False when the signed-in person may not keep listings here (the page then answers 404).</summary>
    protected abstract Task<bool> MayKeepListingsAsync(AppDbContext db, CancellationToken ct);

    /// <summary>Loads what else the page shows besides the listings and the form.</summary>
    protected virtual Task LoadMoreAsync(AppDbContext db, DateOnly today, CancellationToken ct) => Task.CompletedTask;

    public async Task<IActionResult> OnGetAsync(bool tooLarge, CancellationToken ct)
    {
        if (!await MayKeepListingsAsync(db, ct))
        {
            return NotFound();
        }

        Input.Basis = DefaultBasis;
        if (tooLarge)
        {
            ModelState.AddModelError("Input.File", $"The file is larger than {DocumentUploads.MaxBytes / (1024 * 1024)} MB.");
        }

        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAddAsync([FromServices] IdempotentForms forms, CancellationToken ct)
    {
        if (!await MayKeepListingsAsync(db, ct))
        {
            return NotFound();
        }

        var categories = CheckInput();
        var now = clock.GetUtcNow();
        var userId = User.GetUserId();
        var (document, uploadError) = Input.File is null ? (null, null) : await DocumentUploads.ReadAsync(Input.File, userId, now, ct);
        if (uploadError is not null)
        {
            ModelState.AddModelError("Input.File", uploadError);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(ct);
        }

        db.Documents.Add(document!);
        db.PracticeAuthorizations.Add(new PracticeAuthorization(
            Guid.CreateVersion7(now), userId, Input.Basis, categories, TextInput.Clean(Input.License), Input.Regulator,
            Input.Regulator == Regulator.AgreementState ? Input.State : null, Input.ListedFrom!.Value, Input.ListedUntil,
            Input.Status, document!.Id));
        return await forms.SaveAsync(this, RedirectToPage(), $"Your 10 CFR {Input.Basis} authorization was added.", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        var userId = User.GetUserId();
        var authorization = await db.PracticeAuthorizations.SingleOrDefaultAsync(a => a.Id == id && a.UserId == userId, ct);
        if (authorization is null)
        {
            return NotFound();
        }

        db.PracticeAuthorizations.Remove(authorization);
        if (authorization.LicenseDocumentId is { } documentId)
        {
            db.Documents.RemoveRange(db.Documents.Where(d => d.Id == documentId && d.OwnerUserId == userId));
        }

        await db.SaveChangesAsync(ct);
        TempData["Status"] = $"The 10 CFR {authorization.Basis} authorization was removed.";
        return RedirectToPage();
    }

    /// <summary>Where network staff are in checking a listing against its license page, in plain words.</summary>
    public static string VerificationText(AuthorizationRow row) => row.Verification switch
    {
        VerificationStatus.FirstCheckDone => "Checked once; waiting for a second staff member",
        VerificationStatus.Verified => $"Verified on {row.VerifiedAt:yyyy-MM-dd}",
        VerificationStatus.Rejected => $"Rejected: {row.RejectionReason}",
        _ => "Waiting for network staff to check it against the license page",
    };

    private List<string> CheckInput()
    {
        if (!Bases.Any(b => b.Code == Input.Basis))
        {
            ModelState.AddModelError("Input.Basis", "Choose the section you are listed under.");
        }

        var categories = SectionsWithCategories.Contains(Input.Basis) ? Input.Categories.Distinct().ToList() : [];
        if (categories.Any(c => !Categories.Contains(c)))
        {
            ModelState.AddModelError("Input.Categories", "Choose categories from the list.");
        }
        else if (SectionsWithCategories.Contains(Input.Basis) && categories.Count == 0)
        {
            ModelState.AddModelError("Input.Categories", "Choose the categories your license lists you for.");
        }

        ModelState.CheckText("Input.License", Input.License, 60);
        if (Input.Regulator == Regulator.AgreementState && !UsState.IsValid(Input.State))
        {
            ModelState.AddModelError("Input.State", "Choose the Agreement State that issued the license.");
        }

        if (Input.ListedUntil < Input.ListedFrom)
        {
            ModelState.AddModelError("Input.ListedUntil", "The listing cannot end before it starts.");
        }

        if (Input.File is null)
        {
            ModelState.AddModelError("Input.File", "Upload the license page that lists you (PDF, PNG or JPEG).");
        }

        return categories;
    }

    private async Task<PageResult> ShowAsync(CancellationToken ct)
    {
        var userId = User.GetUserId();
        Authorizations = await db.PracticeAuthorizations.Where(a => a.UserId == userId)
            .OrderByDescending(a => a.ListedFrom)
            .Select(a => new AuthorizationRow(
                a.Id, a.Basis, a.Categories, a.License, a.Regulator, a.State, a.Status, a.ListedFrom, a.ListedUntil, a.LicenseDocumentId,
                db.Documents.Where(d => d.Id == a.LicenseDocumentId).Select(d => d.FileName).FirstOrDefault(),
                a.Verification, a.VerifiedAt, a.RejectionReason))
            .ToListAsync(ct);
        await LoadMoreAsync(db, clock.Today(), ct);
        return Page();
    }

    public sealed record AuthorizationRow(
        Guid Id, string Basis, IReadOnlyList<string> Categories, string License, Regulator Regulator, string? State,
        AuthorizationStatus Status, DateOnly ListedFrom, DateOnly? ListedUntil, Guid? DocumentId, string? DocumentName,
        VerificationStatus Verification, DateTimeOffset? VerifiedAt, string? RejectionReason);

    public sealed class AuthorizationInput
    {
        [Display(Name = "Listed under 10 CFR")]
        public string Basis { get; set; } = "";

        public List<string> Categories { get; set; } = [];

        [Required(ErrorMessage = "Enter the license or permit number.")]
        [Display(Name = "License or permit number")]
        public string License { get; set; } = "";

        [Display(Name = "Regulator")]
        public Regulator Regulator { get; set; } = Regulator.Nrc;

        [Display(Name = "Agreement State")]
        public string? State { get; set; }

        [Display(Name = "Status")]
        public AuthorizationStatus Status { get; set; } = AuthorizationStatus.Listed;

        [Required(ErrorMessage = "Enter the date you were first listed.")]
        [DataType(DataType.Date)]
        [Display(Name = "Listed from")]
        public DateOnly? ListedFrom { get; set; }

        [DataType(DataType.Date)]
        [Display(Name = "Listed until (optional)")]
        public DateOnly? ListedUntil { get; set; }

        [Display(Name = "License page")]
        public IFormFile? File { get; set; }
    }
}
