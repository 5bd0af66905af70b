using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Catalogue;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Domain.Readiness.Rules;
using TrainingNetwork.Domain.Reviews;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Pages.Placements;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Progress;

/// <summary>The physician's home page: what the readiness engine says about their stored evidence, and what to do next.</summary>
public sealed class IndexModel(AppDbContext db, TraineeRecordLoader loader, TimeProvider clock) : PageModel
{
    public string FullName { get; private set; } = "";
    public TraineeRecord Record { get; private set; } = null!;
    public ReadinessResult Result { get; private set; } = null!;
    public RuleBook Book { get; private set; } = null!;
    public ReadinessExplanation Explanation { get; private set; } = null!;
    public IReadOnlyList<PlacementSummary> Placements { get; private set; } = [];
    public IReadOnlyList<AttestationRow> Attestations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var traineeId = await db.TraineeIdOfAsync(User, ct);
        if (traineeId is null)
        {
            return NotFound();
        }

        var userId = User.GetUserId();
        FullName = await db.Users.Where(u => u.Id == userId).Select(u => u.FullName).SingleAsync(ct);
        Record = (await loader.LoadAsync(traineeId.Value, clock.Today(), ct: ct))!;
        Result = ReadinessEngine.Evaluate(Record);
        Book = ReadinessEngine.RuleBookFor(Record);
        Explanation = ReadinessExplanation.For(Record, Result);
        Placements = await db.Placements.Where(p => p.TraineeId == traineeId).Summaries(db).ToListAsync(ct);
        Attestations = await db.Attestations.Where(a => a.TraineeId == traineeId && a.WithdrawsAttestationId == null)
            .OrderByDescending(a => a.SignedAt)
            .Select(a => new AttestationRow(a.Id, a.SignerPrintedName, a.SignedAt, a.Categories, db.Attestations.Any(w => w.WithdrawsAttestationId == a.Id),
                db.PacketReviews.Where(r => r.AttestationId == a.Id).OrderByDescending(r => r.DecidedAt)
                    .Select(r => new NetworkDecision(r.Decision, r.DecidedAt, r.Note)).FirstOrDefault()))
            .ToListAsync(ct);
        return Page();
    }

    /// <summary>The physician's whole record in the v1 format: evaluating it gives exactly what this page shows.</summary>
    public async Task<IActionResult> OnGetRecordAsync(CancellationToken ct)
    {
        var traineeId = await db.TraineeIdOfAsync(User, ct);
        if (traineeId is null)
        {
            return NotFound();
        }

        var record = (await loader.LoadAsync(traineeId.Value, clock.Today(), ct: ct))!;
        return File(System.Text.Encoding.UTF8.GetBytes(TraineeRecordJsonWriter.Serialize(record)), "application/json", $"trainingnetwork-record-{record.EvaluationDate:yyyy-MM-dd}.json");
    }

    public decimal HoursFor(ClassroomTopic topic) => Record.ClassroomTraining.Where(c => c.Topic == topic).Sum(c => c.Hours);

    /// <summary>What has been recorded against each threshold the engine applies; the verdict itself stays with the engine.</summary>
    public IEnumerable<ProgressCount> Counts
    {
        get
        {
            var classroom = Record.ClassroomTraining.Sum(c => c.Hours);
            if (Book.ClassroomHours is { } classroomRequired)
            {
                yield return new("Classroom and laboratory hours", classroom, classroomRequired.Minimum, "hours");
            }

            if (Book.TotalHours is { } totalRequired)
            {
                yield return new("Training and work experience", classroom + Record.WorkExperience.Sum(w => w.Hours ?? 0), totalRequired.Minimum, "hours");
            }

            if (Book.WorkElementCitations.Count > 0)
            {
                yield return new("Work-experience elements", Record.WorkExperience.Select(w => w.Element).Distinct().Count(), Book.WorkElementCitations.Count, "recorded");
            }

            foreach (var category in Record.RequestedCategories)
            {
                if (Book.CaseMinimums.TryGetValue(category, out var minimum))
                {
                    var code = RecordCodes.Categories.ToCode(category);
                    var counting = Result.Cases.Count(c => c.Counts && CaseCategories.Codes.ToCode(c.Category) == code);
                    yield return new($"Countable ({code}) cases", counting, minimum.Minimum, "cases");
                }
            }
        }
    }

    /// <summary>An attestation with the network's standing decision on its packet (<c>Review</c>, null while it awaits review).</summary>
    public sealed record AttestationRow(Guid Id, string Signer, DateTimeOffset SignedAt, List<string> Categories, bool Withdrawn, NetworkDecision? Review);

    public sealed record NetworkDecision(PacketDecision Decision, DateTimeOffset DecidedAt, string? Note);

}
