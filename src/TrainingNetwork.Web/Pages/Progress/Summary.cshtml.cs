using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Progress;

/// <summary>A printable summary of the physician's record and the engine's verdict on it.</summary>
public sealed class SummaryModel(AppDbContext db, TraineeRecordLoader loader, TimeProvider clock) : PageModel
{
    public string FullName { get; private set; } = "";
    public string? Npi { get; private set; }
    public TraineeRecord Record { get; private set; } = null!;
    public ReadinessExplanation Explanation { get; private set; } = null!;
    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];
    public IReadOnlyDictionary<string, string> SupervisorNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var traineeId = await db.TraineeIdOfAsync(User, ct);
        if (traineeId is null)
        {
            return NotFound();
        }

        var userId = User.GetUserId();
        (FullName, Npi) = await db.Trainees.Where(t => t.Id == traineeId)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new ValueTuple<string, string?>(u.FullName, t.Npi))
            .SingleAsync(ct);
        Record = (await loader.LoadAsync(traineeId.Value, clock.Today(), ct: ct))!;
        var result = ReadinessEngine.Evaluate(Record);
        Explanation = ReadinessExplanation.For(Record, result);
        SupervisorNames = Record.Preceptors.ToDictionary(p => p.Id, p => p.Name);
        Cases = await db.Cases.Where(c => c.TraineeId == traineeId).OrderBy(c => c.AdministeredOn)
            .Join(db.Centers, c => c.CenterId, center => center.Id, (c, center) => new CaseRow(
                c.AdministeredOn, c.Radiopharmaceutical, c.ActivityMbq, center.Name, c.SupervisorUserId, c.Status))
            .ToListAsync(ct);
        return Page();
    }

    public sealed record CaseRow(DateOnly AdministeredOn, string Radiopharmaceutical, decimal ActivityMbq, string Center, string SupervisorUserId, CaseStatus Status);
}
