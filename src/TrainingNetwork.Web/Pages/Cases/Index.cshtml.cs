using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Cases;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    /// <summary>Show only cases with this status; all when empty.</summary>
    [BindProperty(SupportsGet = true)]
    public CaseStatus? Status { get; set; }

    public IReadOnlyDictionary<CaseStatus, int> Counts { get; private set; } = new Dictionary<CaseStatus, int>();

    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];

    public int Total => Counts.Values.Sum();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.TraineeIdOfAsync(User, ct) is not { } traineeId)
        {
            return NotFound();
        }

        var mine = db.Cases.Where(c => c.TraineeId == traineeId);
        Counts = await mine.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var shown = Status is { } status ? mine.Where(c => c.Status == status) : mine;
        Cases = await shown
            .OrderByDescending(c => c.AdministeredOn).ThenByDescending(c => c.CreatedAt)
            .Select(c => new CaseRow(
                c.Id, c.AdministeredOn, c.Radiopharmaceutical, c.ActivityMbq,
                db.Centers.Where(center => center.Id == c.CenterId).Select(center => center.Name).First(),
                db.Users.Where(u => u.Id == c.SupervisorUserId).Select(u => u.FullName).First(),
                c.Status, c.ReturnNote))
            .ToListAsync(ct);
        return Page();
    }

    public int CountOf(CaseStatus status) => Counts.GetValueOrDefault(status);

    public sealed record CaseRow(
        Guid Id, DateOnly AdministeredOn, string Radiopharmaceutical, decimal ActivityMbq, string Center, string Supervisor,
        CaseStatus Status, string? ReturnNote);
}
