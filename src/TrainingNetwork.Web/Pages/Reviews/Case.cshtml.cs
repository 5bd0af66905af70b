using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Catalogue;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Pages.Cases;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Reviews;

/// <summary>
/// One case opened for review, with the engine's answer on whether the preceptor could supervise it: approve, approve and
/// open the next, or return with a note. Only the supervising preceptor at one of their centers finds it at all.
/// </summary>
[IdempotentForm]
public sealed class CaseModel(AppDbContext db, TraineeRecordLoader records, TimeProvider clock, IdempotentForms forms) : PageModel
{
    public const int ReturnNoteMaxLength = 2000;

    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    public CaseView Case { get; private set; } = null!;

    public IReadOnlyList<CaseHistoryRow> History { get; private set; } = [];

    public EngineAnswer Answer { get; private set; } = null!;

    /// <summary>Why this preceptor cannot decide the case now; null when they can.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The refusal is about the preceptor's own listings, which they can put right on their listings page.</summary>
    public bool RefusedForListing { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await ShowAsync(id, ct))
        {
            return NotFound();
        }

        Input.Version = Case.Version;
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => DecideAsync(id, Decision.Approve, ct);

    public Task<IActionResult> OnPostApproveNextAsync(Guid id, CancellationToken ct) => DecideAsync(id, Decision.ApproveAndOpenNext, ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) => DecideAsync(id, Decision.Return, ct);

    private async Task<IActionResult> DecideAsync(Guid id, Decision decision, CancellationToken ct)
    {
        if (!await ShowAsync(id, ct))
        {
            return NotFound();
        }

        // The page says why; nothing is decided.
        if (Refusal is not null)
        {
            return Page();
        }

        if (decision == Decision.Return && ReturnNoteProblem(Input.Note) is { } problem)
        {
            ModelState.AddModelError("Input.Note", problem);
            return Page();
        }

        var userId = User.GetUserId();
        var supervisedCase = await db.Cases.SingleAsync(c => c.Id == id, ct);
        // A decision taken since the page was opened, in another tab or by a second click, wins: in memory here, and in
        // the database by the version the page was opened at.
        if (supervisedCase.Version != Input.Version || supervisedCase.Status != CaseStatus.Submitted)
        {
            return await ShowChangedAsync(id, ct);
        }

        db.Entry(supervisedCase).Property(c => c.Version).OriginalValue = Input.Version;
        var before = AuditSnapshots.Of(supervisedCase);
        if (decision == Decision.Return)
        {
            supervisedCase.Return(userId, TextInput.Clean(Input.Note!), clock.GetUtcNow());
        }
        else
        {
            supervisedCase.Approve(userId, clock.GetUtcNow());
        }

        db.AuditCase(userId, decision == Decision.Return ? AuditAction.CaseReturned : AuditAction.CaseApproved, before, supervisedCase);
        var status = decision == Decision.Return
            ? $"The case of {Case.AdministeredOn:yyyy-MM-dd} went back to {Case.Physician} with your note."
            : $"The case of {Case.AdministeredOn:yyyy-MM-dd} is approved.";
        var next = decision == Decision.ApproveAndOpenNext
            ? await db.WaitingForReviewBy(userId).Where(c => c.Id != id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct)
            : null;

        try
        {
            return await forms.SaveAsync(this, next is { } nextId ? RedirectToPage(new { id = nextId }) : RedirectToPage("Index"), status, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ShowChangedAsync(id, ct);
        }
    }

    /// <summary>Shows the case as it is now, saying who decided it meanwhile; nothing was saved.</summary>
    private async Task<PageResult> ShowChangedAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await ShowAsync(id, ct);
        if (Refusal is null)
        {
            ModelState.AddModelError(string.Empty, "This case changed since you opened it. Nothing was saved: check it again.");
        }

        return Page();
    }

    /// <summary>
    /// Loads the case if the signed-in preceptor supervised it at one of their centers and it has been submitted, with its
    /// history, the engine's answer and any reason this preceptor cannot decide it now. False when they may not see it.
    /// </summary>
    private async Task<bool> ShowAsync(Guid id, CancellationToken ct)
    {
        var userId = User.GetUserId();
        var found = await db.SupervisedAtOwnCenters(userId).Where(c => c.Id == id && c.Status != CaseStatus.Draft)
            .Select(c => new CaseView(
                c.Id, c.TraineeId, c.AdministeredOn, c.Radiopharmaceutical, c.Nuclide, c.Route, c.ActivityMbq, c.WrittenDirectiveRequired,
                c.PersonalParticipation, c.Note,
                db.Centers.Where(center => center.Id == c.CenterId).Select(center => center.Name).First(),
                db.Trainees.Where(t => t.Id == c.TraineeId).Select(t => t.UserId).First(),
                db.Trainees.Where(t => t.Id == c.TraineeId).Join(db.Users, t => t.UserId, u => u.Id, (_, u) => u.FullName).First(),
                c.Status, c.SubmittedAt, c.Version))
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return false;
        }

        Case = found;
        History = await CaseHistoryRow.LoadAsync(db, id, ct);
        var today = clock.Today();
        var record = await records.LoadAsync(found.TraineeId, today, ct: ct)
            ?? throw new InvalidOperationException($"The physician of case {id} has no profile.");
        Answer = EngineAnswer.For(ReadinessEngine.Evaluate(record), record, id, userId);
        Refusal = found.PhysicianUserId == userId ? "This is your own case as a physician: another preceptor must review it."
            : found.Status != CaseStatus.Submitted ? DecidedText()
            : await ListingRefusalAsync(userId, today, ct);
        return true;
    }

    private string DecidedText()
    {
        var decision = History.Last(e => e.Kind is CaseEventKind.Approved or CaseEventKind.Returned);
        return $"This case was already {decision.Kind.ToString().ToLowerInvariant()} by {decision.Actor} at {decision.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC.";
    }

    private async Task<string?> ListingRefusalAsync(string userId, DateOnly today, CancellationToken ct)
    {
        var reviewable = await db.ReviewableCategoriesAsync(userId, today, ct);
        var covered = Answer.UseCategory is { } category ? reviewable.Contains(RecordCodes.Categories.ToCode(category)) : reviewable.Count > 0;
        RefusedForListing = !covered;
        return covered
            ? null
            : $"You cannot review this case yet: network staff have not verified a 10 CFR 35.390 or 35.396 listing of yours that covers {(Answer.UseCategory is null ? "a 35.300 category" : $"category {Answer.CategoryCode}")} and is in force today.";
    }

    private static string? ReturnNoteProblem(string? note) =>
        string.IsNullOrWhiteSpace(note)
            ? "Write a note telling the physician what to change."
            : CaseFormModel.NoteProblem(note, ReturnNoteMaxLength);

    private enum Decision
    {
        Approve,
        ApproveAndOpenNext,
        Return,
    }

    public sealed class ReviewInput
    {
        /// <summary>The case's version when the page was opened.</summary>
        public long Version { get; set; }

        [Display(Name = "Note to the physician")]
        [DataType(DataType.MultilineText)]
        public string? Note { get; set; }
    }

    public sealed record CaseView(
        Guid Id, Guid TraineeId, DateOnly AdministeredOn, string Radiopharmaceutical, string Nuclide, AdministrationRoute Route,
        decimal ActivityMbq, bool WrittenDirectiveRequired, bool PersonalParticipation, string? Note, string Center,
        string PhysicianUserId, string Physician, CaseStatus Status, DateTimeOffset? SubmittedAt, long Version);

    /// <summary>
    /// The engine's reading of this case: its derived category and, for a 35.300 case, what it found about the supervisor,
    /// with the supervisor's listings as the record gave them to it.
    /// </summary>
    public sealed record EngineAnswer(CaseCategory Category, IReadOnlyList<Finding> Findings, IReadOnlyList<Authorization> Listings)
    {
        private const string SupervisorCodePrefix = "SUPERVISOR_";

        public UseCategory? UseCategory => Category.AsUseCategory();

        public string CategoryCode => CaseCategories.Codes.ToCode(Category);

        public static EngineAnswer For(ReadinessResult result, TraineeRecord record, Guid caseId, string preceptorUserId)
        {
            var caseResult = result.Cases.Single(c => c.CaseId == caseId.ToString());
            var preceptor = record.Preceptors.Single(p => p.Id == preceptorUserId);
            // The engine names people by their record id; the preceptor reads their own name instead.
            var findings = caseResult.Category.AsUseCategory() is null
                ? caseResult.Reasons
                : [.. caseResult.Reasons
                    .Where(f => ReasonCodes.Codes.ToCode(f.Code).StartsWith(SupervisorCodePrefix, StringComparison.Ordinal))
                    .Select(f => f with { Detail = f.Detail.Replace(preceptorUserId, preceptor.Name, StringComparison.Ordinal) })];
            return new EngineAnswer(caseResult.Category, findings, preceptor.Authorizations);
        }
    }
}
