using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Credentials;
using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Domain.Reviews;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Pages.Progress;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Network.Packets;

/// <summary>
/// One attested packet under the network's review: the engine's current answer on the physician's record, the evidence,
/// what the engine found about the supervisors and the attestor, and every point on the attested categories that a
/// person must judge. A staff member closes each such point with a written justification, then accepts the packet or
/// asks for changes with a note the physician sees. Decisions are new rows; the latest one stands.
/// </summary>
[IdempotentForm]
public sealed class ReviewModel(AppDbContext db, TraineeRecordLoader loader, TimeProvider clock, IdempotentForms forms) : PageModel
{
    public const int TextMaxLength = 4000;

    private static readonly string[] PreceptorCodePrefixes = ["SUPERVISOR_", "PRECEPTOR_", "ATTESTATION_", "SELF_ATTESTATION", "MULTIPLE_PRECEPTORS"];

    private Dictionary<string, string> _labels = [];

    [BindProperty]
    public CloseInput Close { get; set; } = new();

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    public SignedAttestation Attestation { get; private set; } = null!;
    public string Physician { get; private set; } = "";
    public DateTimeOffset LocalSignedAt { get; private set; }

    /// <summary>The engine's current answer, with people and cases named instead of their record ids.</summary>
    public ReadinessExplanation Explanation { get; private set; } = null!;

    public TraineeRecord Record { get; private set; } = null!;
    public IReadOnlyList<SummaryModel.CaseRow> Cases { get; private set; } = [];
    public IReadOnlyList<Person> People { get; private set; } = [];

    /// <summary>The engine's findings on the supervisors of the cases and on the attestor.</summary>
    public IReadOnlyList<Finding> PreceptorFindings { get; private set; } = [];

    /// <summary>Every NEEDS_REVIEW finding on the attested categories, closed or open.</summary>
    public IReadOnlyList<ReviewPoint> Points { get; private set; } = [];

    /// <summary>Justifications given for findings the engine no longer reports in the same words.</summary>
    public IReadOnlyList<ReviewPointClosure> EarlierClosures { get; private set; } = [];

    /// <summary>What stops the packet from being accepted now; empty when it may be.</summary>
    public IReadOnlyList<string> AcceptBlockers { get; private set; } = [];

    /// <summary>The decisions on this packet, newest (the standing one) first.</summary>
    public IReadOnlyList<DecisionRow> Decisions { get; private set; } = [];

    public DecisionRow? Standing => Decisions.Count > 0 ? Decisions[0] : null;

    public IReadOnlyList<CategoryResult> AttestedCategories { get; private set; } = [];

    public string NameOf(string personId) => _labels.GetValueOrDefault(personId, personId);

    public async Task<IActionResult> OnGetAsync(Guid attestationId, CancellationToken ct)
    {
        if (!await ShowAsync(attestationId, ct))
        {
            return NotFound();
        }

        Decision.SeenDecisionId = Standing?.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid attestationId, CancellationToken ct)
    {
        if (!await ShowAsync(attestationId, ct))
        {
            return NotFound();
        }

        // The page shown again, if this fails, offers its decision forms against the decisions it shows.
        Decision.SeenDecisionId = Standing?.Id;
        var point = Points.SingleOrDefault(p => p.Key == Close.PointKey);
        if (point is null)
        {
            ModelState.AddModelError(string.Empty, "The engine no longer reports this point in these words: the evidence changed since you opened the page. Nothing was saved; read the points again.");
            return Page();
        }

        if (point.Closure is { } closed)
        {
            ModelState.AddModelError(string.Empty, $"{closed.StaffName} closed this point at {closed.ClosedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC. Nothing was saved.");
            return Page();
        }

        if (RequiredTextProblem(Close.Justification, "Write why this point is acceptable: the justification is kept with your name.") is { } problem)
        {
            ModelState.AddModelError("Close.Justification", problem);
            return Page();
        }

        var userId = User.GetUserId();
        var now = clock.GetUtcNow();
        var closure = ReviewPointClosure.Close(
            Guid.CreateVersion7(now), attestationId, Attestation.TraineeId, point.Category, point.Finding,
            TextInput.Clean(Close.Justification!), userId, await StaffNameAsync(userId, ct), now);
        db.ReviewPointClosures.Add(closure);
        db.Audit(userId, AuditAction.ReviewPointClosed, "review_point_closure", closure.Id, null, AuditSnapshots.Of(closure),
            $"Review point {closure.ReasonCode} on {closure.Category} of attestation {Attestation.VerificationCode} closed by {closure.StaffName}");
        try
        {
            return await forms.SaveAsync(this, RedirectToPage(null, null, new { attestationId }, "review-points"),
                $"The {closure.ReasonCode} point on {closure.Category} is closed with your justification.", ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            await ShowAsync(attestationId, ct);
            ModelState.AddModelError(string.Empty, "Another staff member closed this point a moment ago. Nothing was saved: their justification is shown below.");
            return Page();
        }
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid attestationId, CancellationToken ct) =>
        DecideAsync(attestationId, PacketDecision.Accepted, ct);

    public Task<IActionResult> OnPostRequestChangesAsync(Guid attestationId, CancellationToken ct) =>
        DecideAsync(attestationId, PacketDecision.ChangesRequested, ct);

    private async Task<IActionResult> DecideAsync(Guid attestationId, PacketDecision decision, CancellationToken ct)
    {
        if (!await ShowAsync(attestationId, ct))
        {
            return NotFound();
        }

        var accepting = decision == PacketDecision.Accepted;
        if (accepting && AcceptBlockers.Count > 0)
        {
            ModelState.AddModelError(string.Empty, "This packet cannot be accepted yet: " + string.Join(" ", AcceptBlockers));
            return Page();
        }

        var noteProblem = accepting
            ? TextInput.Problem(Decision.AcceptNote, TextMaxLength)
            : RequiredTextProblem(Decision.ChangesNote, "Write what must change: the physician reads this note.");
        if (noteProblem is not null)
        {
            ModelState.AddModelError(accepting ? "Decision.AcceptNote" : "Decision.ChangesNote", noteProblem);
            return Page();
        }

        var userId = User.GetUserId();
        var now = clock.GetUtcNow();
        var reviewerName = await StaffNameAsync(userId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Holding the attestation's row makes decisions on one packet take turns: a second reviewer, or a second click,
        // finds the decision taken meanwhile and saves nothing.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM attestations WHERE id = {attestationId} FOR UPDATE", ct);
        var standingNow = await db.PacketReviews.Where(r => r.AttestationId == attestationId)
            .OrderByDescending(r => r.DecidedAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (standingNow != Decision.SeenDecisionId)
        {
            await transaction.RollbackAsync(ct);
            return await ShowDecidedMeanwhileAsync(attestationId, ct);
        }

        var note = accepting ? Decision.AcceptNote : Decision.ChangesNote;
        var review = accepting
            ? PacketReview.Accept(Guid.CreateVersion7(now), attestationId, Attestation.TraineeId, userId, reviewerName,
                note is null ? null : TextInput.Clean(note), now, ReadinessEngine.Version)
            : PacketReview.RequestChanges(Guid.CreateVersion7(now), attestationId, Attestation.TraineeId, userId, reviewerName,
                TextInput.Clean(note!), now, ReadinessEngine.Version);
        db.PacketReviews.Add(review);
        db.Audit(userId, accepting ? AuditAction.PacketAccepted : AuditAction.PacketChangesRequested, "packet_review", review.Id, null, AuditSnapshots.Of(review),
            $"Packet of attestation {Attestation.VerificationCode} ({string.Join(", ", Attestation.Categories)}) {(accepting ? "accepted" : "returned with a request for changes")} by {reviewerName}");
        var done = forms.Add(this, RedirectToPage("Index"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Status"] = accepting
            ? $"The packet of {Physician} is accepted."
            : $"Changes are requested from {Physician}; they see your note on their progress page.";
        return done;
    }

    /// <summary>Shows the packet as it is now, saying who decided it meanwhile; nothing was saved.</summary>
    private async Task<PageResult> ShowDecidedMeanwhileAsync(Guid attestationId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await ShowAsync(attestationId, ct);
        var standing = Standing!;
        ModelState.AddModelError(string.Empty,
            $"{standing.Reviewer} decided this packet at {standing.DecidedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({PacketDecisions.Describe(standing.Decision).ToLowerInvariant()}) since you opened it. Nothing was saved: read their decision, then decide again if you still need to.");
        // A deliberate second decision, made with this one in view, supersedes it.
        Decision.SeenDecisionId = standing.Id;
        return Page();
    }

    /// <summary>Loads the packet if it is an attestation in force, with everything the page shows. False when there is none.</summary>
    private async Task<bool> ShowAsync(Guid attestationId, CancellationToken ct)
    {
        var found = await db.AttestationsInForce().AsNoTracking().Where(a => a.Id == attestationId)
            .Select(a => new
            {
                Attestation = a,
                Physician = db.Trainees.Where(t => t.Id == a.TraineeId).Join(db.Users, t => t.UserId, u => u.Id, (_, u) => u.FullName).First(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return false;
        }

        Attestation = found.Attestation;
        Physician = found.Physician;
        LocalSignedAt = TimeZoneInfo.ConvertTime(Attestation.SignedAt, TimeZoneInfo.FindSystemTimeZoneById(Attestation.SignerTimeZone));
        Record = (await loader.LoadAsync(Attestation.TraineeId, clock.Today(), ct: ct))!;
        var result = ReadinessEngine.Evaluate(Record);
        var explanation = ReadinessExplanation.For(Record, result);
        _labels = Record.Preceptors.DistinctBy(p => p.Id).ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        _labels.TryAdd(Record.Trainee.Id, Physician);
        foreach (var (caseId, label) in explanation.CaseLabels ?? new Dictionary<string, string>())
        {
            _labels.TryAdd(caseId, label);
        }

        Explanation = explanation with { Result = Readable(result) };
        PreceptorFindings = [.. Explanation.Result.Categories.SelectMany(c => c.Unmet)
            .Concat(Explanation.Result.Cases.SelectMany(c => c.Reasons))
            .Concat(Explanation.Result.Warnings)
            .Where(f => PreceptorCodePrefixes.Any(prefix => ReasonCodes.Codes.ToCode(f.Code).StartsWith(prefix, StringComparison.Ordinal)))
            .Distinct()];
        People = await PeopleAsync(ct);
        Cases = await db.Cases.Where(c => c.TraineeId == Attestation.TraineeId).OrderBy(c => c.AdministeredOn)
            .Join(db.Centers, c => c.CenterId, center => center.Id, (c, center) => new SummaryModel.CaseRow(
                c.AdministeredOn, c.Radiopharmaceutical, c.ActivityMbq, center.Name, c.SupervisorUserId, c.Status))
            .ToListAsync(ct);

        var attested = Attestation.Categories.Select(RecordCodes.Categories.Parse).ToList();
        AttestedCategories = [.. Explanation.Result.Categories.Where(c => attested.Contains(c.Category))];
        var closures = (await db.ReviewPointClosures.AsNoTracking().Where(c => c.AttestationId == attestationId).ToListAsync(ct))
            .ToDictionary(c => c.PointKey, StringComparer.Ordinal);
        Points = [.. result.Categories.Where(c => attested.Contains(c.Category))
            .SelectMany(c => c.Unmet.Where(f => f.NeedsReview).Select(f => (c.Category, Finding: f, Key: ReviewPointClosure.KeyOf(c.Category, f))))
            .Select(p => new ReviewPoint(p.Key, p.Category, p.Finding, Readable(p.Finding), closures.GetValueOrDefault(p.Key)))];
        EarlierClosures = [.. closures.Values.Where(c => Points.All(p => p.Key != c.PointKey)).OrderBy(c => c.ClosedAt)];
        AcceptBlockers = [.. attested.Select(category => BlockerOf(category, result.Categories.SingleOrDefault(c => c.Category == category))).OfType<string>()];
        Decisions = await db.PacketReviews.Where(r => r.AttestationId == attestationId).OrderByDescending(r => r.DecidedAt)
            .Select(r => new DecisionRow(r.Id, r.Decision, r.ReviewerName, r.DecidedAt, r.Note))
            .ToListAsync(ct);
        return true;
    }

    /// <summary>Why an attested category stops acceptance, in the engine's terms; null when it does not.</summary>
    private string? BlockerOf(UseCategory category, CategoryResult? verdict)
    {
        var code = RecordCodes.Categories.ToCode(category);
        var open = Points.Count(p => p.Category == category && p.Closure is null);
        return verdict?.Status switch
        {
            null => $"The physician no longer requests {code}.",
            ReadinessStatus.Qualified => null,
            ReadinessStatus.NeedsReview when open == 0 => null,
            ReadinessStatus.NeedsReview => $"{code} has {open} {(open == 1 ? "point" : "points")} to judge still open: close {(open == 1 ? "it" : "each")} with a justification.",
            ReadinessStatus.NotQualified => $"The engine finds {code} not qualified ({verdict.Unmet.Count(f => !f.NeedsReview)} unmet): request changes instead.",
            _ => $"The physician is already an Authorized User for {code}: there is nothing to accept.",
        };
    }

    private async Task<IReadOnlyList<Person>> PeopleAsync(CancellationToken ct)
    {
        var ids = Record.Preceptors.Select(p => p.Id).Distinct().ToList();
        var listings = (await db.PracticeAuthorizations.AsNoTracking().Where(a => ids.Contains(a.UserId))
                .OrderBy(a => a.ListedFrom)
                .Select(a => new Listing(a.UserId, a.Basis, a.Categories, a.License, a.ListedFrom, a.ListedUntil, a.Status, a.Verification, a.VerifiedAt))
                .ToListAsync(ct))
            .ToLookup(l => l.UserId);
        return [.. ids.Select(id => new Person(NameOf(id), RolesOf(id), [.. listings[id]])).OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    private string RolesOf(string personId)
    {
        var roles = new List<string>();
        if (Attestation.SignerUserId == personId)
        {
            roles.Add("signed this attestation");
        }

        if (Attestation.ConcurringFacultyUserId == personId)
        {
            roles.Add("concurring faculty on this attestation");
        }

        var cases = Record.Cases.Count(c => c.SupervisorId == personId);
        if (cases > 0)
        {
            roles.Add($"supervised {cases} {(cases == 1 ? "case" : "cases")}");
        }

        var work = Record.WorkExperience.Count(w => w.SupervisorId == personId);
        if (work > 0)
        {
            roles.Add($"supervised {work} work-experience {(work == 1 ? "element" : "elements")}");
        }

        return roles.Count == 0 ? "signed another attestation for this physician" : string.Join("; ", roles);
    }

    private Finding Readable(Finding finding) =>
        finding with { Detail = _labels.Aggregate(finding.Detail, (text, label) => text.Replace(label.Key, label.Value, StringComparison.Ordinal)) };

    /// <summary>The same result with every finding's people and cases named; the verdicts are the engine's, untouched.</summary>
    private ReadinessResult Readable(ReadinessResult result) => result with
    {
        Eligibility = result.Eligibility with { Unmet = [.. result.Eligibility.Unmet.Select(Readable)] },
        Categories = [.. result.Categories.Select(c => c with { Unmet = [.. c.Unmet.Select(Readable)] })],
        Cases = [.. result.Cases.Select(c => c with { Reasons = [.. c.Reasons.Select(Readable)] })],
        Warnings = [.. result.Warnings.Select(Readable)],
    };

    private Task<string> StaffNameAsync(string userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.FullName).SingleAsync(ct);

    private static string? RequiredTextProblem(string? text, string missing) =>
        string.IsNullOrWhiteSpace(text) ? missing : TextInput.Problem(text, TextMaxLength);

    public sealed class CloseInput
    {
        /// <summary>The point's key (<see cref="ReviewPointClosure.KeyOf"/>).</summary>
        public string? PointKey { get; set; }

        [Display(Name = "Justification")]
        [DataType(DataType.MultilineText)]
        public string? Justification { get; set; }
    }

    public sealed class DecisionInput
    {
        /// <summary>The standing decision when the page was opened; null when the packet was undecided.</summary>
        public Guid? SeenDecisionId { get; set; }

        [Display(Name = "Note to the physician (optional)")]
        [DataType(DataType.MultilineText)]
        public string? AcceptNote { get; set; }

        [Display(Name = "What must change")]
        [DataType(DataType.MultilineText)]
        public string? ChangesNote { get; set; }
    }

    /// <summary>A finding to judge: <c>Finding</c> as the engine gave it (and the closure keys it), <c>Shown</c> with people and cases named.</summary>
    public sealed record ReviewPoint(string Key, UseCategory Category, Finding Finding, Finding Shown, ReviewPointClosure? Closure)
    {
        public string CategoryCode => RecordCodes.Categories.ToCode(Category);
    }

    public sealed record DecisionRow(Guid Id, PacketDecision Decision, string Reviewer, DateTimeOffset DecidedAt, string? Note);

    public sealed record Person(string Name, string Roles, IReadOnlyList<Listing> Listings);

    public sealed record Listing(
        string UserId, string Basis, List<string> Categories, string License, DateOnly ListedFrom, DateOnly? ListedUntil,
        AuthorizationStatus Status, VerificationStatus Verification, DateTimeOffset? VerifiedAt);
}
