using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Cases;

public sealed class DetailsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public CaseView Case { get; private set; } = null!;

    public IReadOnlyList<CaseHistoryRow> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.TraineeIdOfAsync(User, ct) is not { } traineeId)
        {
            return NotFound();
        }

        var found = await db.Cases.Where(c => c.Id == id && c.TraineeId == traineeId)
            .Select(c => new CaseView(
                c.Id, c.AdministeredOn, c.Radiopharmaceutical, c.Nuclide, c.Route, c.ActivityMbq, c.WrittenDirectiveRequired,
                c.PersonalParticipation, c.PatientToken != null, c.Note,
                db.Centers.Where(center => center.Id == c.CenterId).Select(center => center.Name).First(),
                db.Users.Where(u => u.Id == c.SupervisorUserId).Select(u => u.FullName).First(),
                c.Status, c.CanBeSubmitted, c.ReturnNote))
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return NotFound();
        }

        Case = found;
        History = await CaseHistoryRow.LoadAsync(db, id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        if (await db.TraineeIdOfAsync(User, ct) is not { } traineeId)
        {
            return NotFound();
        }

        var supervisedCase = await db.Cases.SingleOrDefaultAsync(c => c.Id == id && c.TraineeId == traineeId, ct);
        if (supervisedCase is null)
        {
            return NotFound();
        }

        if (!supervisedCase.CanBeSubmitted)
        {
            TempData["Status"] = $"This case is already {supervisedCase.Status.ToString().ToLowerInvariant()}; nothing changed.";
            return RedirectToPage(new { id });
        }

        var before = AuditSnapshots.Of(supervisedCase);
        supervisedCase.Submit(User.GetUserId(), clock.GetUtcNow());
        db.AuditCase(User.GetUserId(), AuditAction.CaseSubmitted, before, supervisedCase);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = "Case submitted to your preceptor for review.";
        return RedirectToPage(new { id });
    }

    public sealed record CaseView(
        Guid Id, DateOnly AdministeredOn, string Radiopharmaceutical, string Nuclide, AdministrationRoute Route, decimal ActivityMbq,
        bool WrittenDirectiveRequired, bool PersonalParticipation, bool HasPatientToken, string? Note, string Center, string Supervisor,
        CaseStatus Status, bool CanBeSubmitted, string? ReturnNote);
}
