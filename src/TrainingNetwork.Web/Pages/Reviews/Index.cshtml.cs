using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Reviews;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<string> Centers { get; private set; } = [];
    public IReadOnlyList<WaitingCase> Waiting { get; private set; } = [];
    public int ApprovedByMe { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.GetUserId();
        Centers = await db.CenterMemberships.Where(m => m.UserId == userId && m.Role == CenterRole.Preceptor)
            .Join(db.Centers, m => m.CenterId, c => c.Id, (_, c) => c.Name)
            .OrderBy(name => name)
            .ToListAsync(ct);
        Waiting = await db.Cases.Where(c => c.SupervisorUserId == userId && c.Status == CaseStatus.Submitted)
            .OrderBy(c => c.SubmittedAt)
            .Join(db.Trainees, c => c.TraineeId, t => t.Id, (c, t) => new { c, t.UserId })
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new WaitingCase(u.FullName, x.c.AdministeredOn, x.c.Radiopharmaceutical, x.c.SubmittedAt))
            .ToListAsync(ct);
        ApprovedByMe = await db.Cases.CountAsync(c => c.SupervisorUserId == userId && c.Status == CaseStatus.Approved, ct);
    }

    public sealed record WaitingCase(string Trainee, DateOnly AdministeredOn, string Radiopharmaceutical, DateTimeOffset? SubmittedAt);
}
