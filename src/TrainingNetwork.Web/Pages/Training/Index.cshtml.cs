using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Training;

/// <summary>The physician's recorded classroom hours and work experience. Whether they are enough is shown on My progress.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<IGrouping<ClassroomTopic, ClassroomRow>> Classroom { get; private set; } = [];
    public decimal TotalHours { get; private set; }
    public IReadOnlyList<WorkRow> Work { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var traineeId = await db.TraineeIdOfAsync(User, ct);
        if (traineeId is null)
        {
            return NotFound();
        }

        var classroom = await db.ClassroomEntries.Where(c => c.TraineeId == traineeId)
            .OrderBy(c => c.CompletedOn).ThenBy(c => c.Id)
            .Select(c => new ClassroomRow(c.Id, c.Topic, c.Hours, c.CompletedOn, c.Provider, c.CertificateDocumentId))
            .ToListAsync(ct);
        Classroom = [.. classroom.GroupBy(c => c.Topic).OrderBy(g => g.Key)];
        TotalHours = classroom.Sum(c => c.Hours);
        var work = await db.WorkExperience.Where(w => w.TraineeId == traineeId)
            .OrderBy(w => w.CompletedOn).ThenBy(w => w.Id)
            .Select(w => new WorkRow(
                w.Id, w.Element, w.CompletedOn, w.Hours, db.Users.Where(u => u.Id == w.SupervisorUserId).Select(u => u.FullName).First(), w.License))
            .ToListAsync(ct);

        // Elements are stored by name, so they are put in the regulation's order here rather than alphabetically in SQL.
        Work = [.. work.OrderBy(w => w.Element)];
        return Page();
    }

    public sealed record ClassroomRow(Guid Id, ClassroomTopic Topic, decimal Hours, DateOnly CompletedOn, string Provider, Guid? CertificateId);

    public sealed record WorkRow(Guid Id, WorkElement Element, DateOnly CompletedOn, decimal? Hours, string Supervisor, string License);
}
