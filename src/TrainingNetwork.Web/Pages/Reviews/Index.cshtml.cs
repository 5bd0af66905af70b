using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Reviews;

/// <summary>The preceptor's review queue: submitted cases they supervised at their own centers, oldest first.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<string> Centers { get; private set; } = [];
    public IReadOnlyList<WaitingCase> Waiting { get; private set; } = [];
    public int ReturnedByMe { get; private set; }
    public int ApprovedByMe { get; private set; }

    /// <summary>False until staff have verified a listing of the preceptor's that is in force today.</summary>
    public bool MayReview { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.GetUserId();
        Centers = await db.CenterMemberships.Where(m => m.UserId == userId && m.Role == CenterRole.Preceptor)
            .Join(db.Centers, m => m.CenterId, c => c.Id, (_, c) => c.Name)
            .OrderBy(name => name)
            .ToListAsync(ct);
        Waiting = await db.WaitingForReviewBy(userId)
            .Select(c => new WaitingCase(
                c.Id,
                db.Trainees.Where(t => t.Id == c.TraineeId).Join(db.Users, t => t.UserId, u => u.Id, (_, u) => u.FullName).First(),
                c.AdministeredOn, c.Radiopharmaceutical, c.ActivityMbq, c.SubmittedAt))
            .ToListAsync(ct);
        var decided = await db.SupervisedAtOwnCenters(userId)
            .Where(c => c.Status == CaseStatus.Returned || c.Status == CaseStatus.Approved)
            .GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, ct);
        ReturnedByMe = decided.GetValueOrDefault(CaseStatus.Returned);
        ApprovedByMe = decided.GetValueOrDefault(CaseStatus.Approved);
        MayReview = (await db.ReviewableCategoriesAsync(userId, clock.Today(), ct)).Count > 0;
    }

    public sealed record WaitingCase(Guid Id, string Physician, DateOnly AdministeredOn, string Radiopharmaceutical, decimal ActivityMbq, DateTimeOffset? SubmittedAt);
}
