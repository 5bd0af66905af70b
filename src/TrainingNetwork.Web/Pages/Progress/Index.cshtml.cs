using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Progress;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public string FullName { get; private set; } = "";
    public Pathway Pathway { get; private set; }
    public IReadOnlyList<TopicHours> Classroom { get; private set; } = [];
    public IReadOnlyList<PlacementRow> Placements { get; private set; } = [];
    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var userId = User.GetUserId();
        var trainee = await db.Trainees.Where(t => t.UserId == userId)
            .Select(t => new { t.Id, t.Pathway, FullName = db.Users.Where(u => u.Id == userId).Select(u => u.FullName).First() })
            .SingleOrDefaultAsync(ct);
        if (trainee is null)
        {
            return NotFound();
        }

        FullName = trainee.FullName;
        Pathway = trainee.Pathway;
        Classroom = await db.ClassroomEntries.Where(c => c.TraineeId == trainee.Id)
            .GroupBy(c => c.Topic)
            .Select(g => new TopicHours(g.Key, g.Sum(c => c.Hours)))
            .ToListAsync(ct);
        Placements = await db.Placements.Where(p => p.TraineeId == trainee.Id)
            .OrderByDescending(p => p.RequestedAt)
            .Select(p => new PlacementRow(db.Centers.Where(c => c.Id == p.CenterId).Select(c => c.Name).First(), p.Status, p.PreferredStart, p.StartsOn, p.DeclineReason))
            .ToListAsync(ct);
        Cases = await db.Cases.Where(c => c.TraineeId == trainee.Id)
            .OrderByDescending(c => c.AdministeredOn)
            .Select(c => new CaseRow(c.AdministeredOn, c.Radiopharmaceutical, c.ActivityMbq, c.Status))
            .ToListAsync(ct);
        return Page();
    }

    public decimal HoursFor(ClassroomTopic topic) => Classroom.FirstOrDefault(c => c.Topic == topic)?.Hours ?? 0;

    public sealed record TopicHours(ClassroomTopic Topic, decimal Hours);

    public sealed record PlacementRow(string Center, PlacementStatus Status, DateOnly PreferredStart, DateOnly? StartsOn, string? DeclineReason);

    public sealed record CaseRow(DateOnly AdministeredOn, string Radiopharmaceutical, decimal ActivityMbq, CaseStatus Status);
}
