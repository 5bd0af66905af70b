using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Credentials;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Network.Verification;

/// <summary>
/// One preceptor listing beside its uploaded license page: a staff member records the first check, a different staff member
/// confirms it, or either rejects it with a reason the preceptor reads. Every step is audited.
/// </summary>
public sealed class ListingModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int ReasonMaxLength = 1000;

    public const string NoLicensePage =
        "There is no license page to check this listing against. Reject it with a reason asking the preceptor to add the listing again with the page that lists them.";

    private const string SubjectType = "practice_authorization";

    [BindProperty]
    public VerificationInput Input { get; set; } = new();

    public PreceptorListing Listing { get; private set; } = null!;

    /// <summary>Whether the listing gives the preceptor their rights today, and why not.</summary>
    public string RightsToday { get; private set; } = "";

    /// <summary>Why the signed-in staff member can take no step on this listing at all; null when they can.</summary>
    public string? Refusal { get; private set; }

    public bool HasLicensePage => Listing.DocumentId is not null;

    public bool MayRecordFirstCheck => Refusal is null && HasLicensePage && Listing.Verification == VerificationStatus.Unverified;

    public bool MayConfirm => Refusal is null && HasLicensePage && Listing.Verification == VerificationStatus.FirstCheckDone && !IsFirstChecker;

    public bool MayReject => Refusal is null && Listing.Verification is VerificationStatus.Unverified or VerificationStatus.FirstCheckDone;

    public bool IsFirstChecker => Listing.FirstCheckedByUserId == User.GetUserId();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await ShowAsync(id, ct))
        {
            return NotFound();
        }

        Input.Seen = Listing.Verification;
        return Page();
    }

    public Task<IActionResult> OnPostFirstCheckAsync(Guid id, CancellationToken ct) => ActAsync(id, Step.FirstCheck, ct);

    public Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct) => ActAsync(id, Step.Confirm, ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct) => ActAsync(id, Step.Reject, ct);

    private async Task<IActionResult> ActAsync(Guid id, Step step, CancellationToken ct)
    {
        if (!await ShowAsync(id, ct))
        {
            return NotFound();
        }

        if (Listing.Verification != Input.Seen)
        {
            return Changed();
        }

        if (NotAllowed(step) is { } why)
        {
            ModelState.AddModelError(string.Empty, why);
            return Page();
        }

        if (step == Step.Reject && ReasonProblem(Input.Reason) is { } problem)
        {
            ModelState.AddModelError("Input.Reason", problem);
            return Page();
        }

        var userId = User.GetUserId();
        // PostgreSQL keeps microseconds: so this step's "after" snapshot hashes the same as the next step's "before".
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        var listing = await db.PracticeAuthorizations.AsNoTracking().SingleAsync(a => a.Id == id, ct);
        if (listing.Verification != Input.Seen)
        {
            return Changed();
        }

        var before = AuditSnapshots.Of(listing);
        switch (step)
        {
            case Step.FirstCheck:
                listing.RecordFirstCheck(userId, now);
                break;
            case Step.Confirm:
                listing.Confirm(userId, now);
                break;
            default:
                listing.Reject(userId, TextInput.Clean(Input.Reason!), now);
                break;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await WriteIfStillAsync(Input.Seen, listing, ct) == 0)
        {
            return await ShowAsync(id, ct) ? Changed() : NotFound();
        }

        var (action, done) = step switch
        {
            Step.FirstCheck => (AuditAction.ListingFirstCheck, "checked once against its license page"),
            Step.Confirm => (AuditAction.ListingConfirmed, "verified: the second check confirmed the first"),
            _ => (AuditAction.ListingRejected, "rejected with a reason"),
        };
        db.Audit(userId, action, SubjectType, id, before, AuditSnapshots.Of(listing), $"Listing {Listing.Section} of {Listing.Preceptor} {done}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        TempData["Status"] = $"The {Listing.Section} listing of {Listing.Preceptor} was {done}.";
        return RedirectToPage("Index");
    }

    /// <summary>
    /// Writes the new verification state only if the stored one is still what this staff member saw: of two staff members
    /// acting at once, the second finds no row to update. The listing has no concurrency token, hence the conditional update.
    /// The engine does not read verification, so no readiness summary changes with it.
    /// </summary>
    private Task<int> WriteIfStillAsync(VerificationStatus seen, PracticeAuthorization changed, CancellationToken ct) =>
        db.PracticeAuthorizations
            .Where(a => a.Id == changed.Id && a.Verification == seen)
            .ExecuteUpdateAsync(
                s => s.SetProperty(a => a.Verification, changed.Verification)
                    .SetProperty(a => a.FirstCheckedByUserId, changed.FirstCheckedByUserId)
                    .SetProperty(a => a.FirstCheckedAt, changed.FirstCheckedAt)
                    .SetProperty(a => a.VerifiedByUserId, changed.VerifiedByUserId)
                    .SetProperty(a => a.VerifiedAt, changed.VerifiedAt)
                    .SetProperty(a => a.RejectionReason, changed.RejectionReason),
                ct);

    /// <summary>The listing as it is now, saying that someone acted on it meanwhile; nothing was saved, a typed reason is kept.</summary>
    private PageResult Changed()
    {
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.Seen)}");
        Input.Seen = Listing.Verification;
        ModelState.AddModelError(
            string.Empty, $"Another staff member acted on this listing while you had it open: it is now \"{Listing.VerificationInWords}\". Nothing was saved.");
        return Page();
    }

    private string? NotAllowed(Step step) => step switch
    {
        _ when Refusal is not null => Refusal,
        Step.FirstCheck or Step.Confirm when !HasLicensePage => NoLicensePage,
        Step.FirstCheck when !MayRecordFirstCheck => "This listing has already been checked once.",
        Step.Confirm when IsFirstChecker =>
            "You made the first check of this listing, so you cannot confirm it: a second, different staff member must.",
        Step.Confirm when !MayConfirm => "A listing is confirmed after its first check.",
        Step.Reject when !MayReject => "Only a listing that is waiting for a check can be rejected.",
        _ => null,
    };

    /// <summary>Loads the listing if it belongs to a preceptor, with whether it gives rights today; false when there is none.</summary>
    private async Task<bool> ShowAsync(Guid id, CancellationToken ct)
    {
        var found = await db.OfPreceptors().Where(a => a.Id == id).AsPreceptorListings(db).SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return false;
        }

        Listing = found;
        var today = clock.Today();
        var inForce = (await db.VerifiedListingsInForceAsync(found.PreceptorUserId, today, ct)).Any(a => a.Id == id);
        RightsToday = inForce ? $"Yes: the preceptor holds the rights of 10 CFR {found.Basis} under this listing today."
            : found.Verification == VerificationStatus.Rejected ? "None: the listing was rejected."
            : found.Verification != VerificationStatus.Verified ? "None until a second staff member confirms the check."
            : found.Status == AuthorizationStatus.Pending ? "None: the amendment listing the preceptor has not been issued yet."
            : found.ListedFrom > today ? $"None before {found.ListedFrom:yyyy-MM-dd}, when the listing starts."
            : $"None: the listing ended on {found.ListedUntil:yyyy-MM-dd}.";
        Refusal = found.PreceptorUserId == User.GetUserId() ? "This is your own listing: other network staff members check it." : null;
        return true;
    }

    private static string? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "Write the reason: the preceptor reads it on their listings page." : TextInput.Problem(reason, ReasonMaxLength);

    private enum Step
    {
        FirstCheck,
        Confirm,
        Reject,
    }

    public sealed class VerificationInput
    {
        /// <summary>The verification state the page showed when it was opened.</summary>
        public VerificationStatus Seen { get; set; }

        [Display(Name = "Reason for rejecting it")]
        [DataType(DataType.MultilineText)]
        public string? Reason { get; set; }
    }
}
