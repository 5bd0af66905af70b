using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;
using TrainingNetwork.Web.Setup;

namespace TrainingNetwork.Web.Pages.Cases;

/// <summary>Correcting a logged case, whatever its status; an approved case then needs a new sign-off.</summary>
public sealed class EditModel(AppDbContext db, PseudonymKey key, TimeProvider clock) : CaseFormModel
{
    public Guid CaseId { get; private set; }

    public bool WasApproved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } supervisedCase)
        {
            return NotFound();
        }

        Input = new CaseInput
        {
            CenterId = supervisedCase.CenterId,
            SupervisorUserId = supervisedCase.SupervisorUserId,
            AdministeredOn = supervisedCase.AdministeredOn,
            Agent = supervisedCase.Radiopharmaceutical,
            ActivityAmount = supervisedCase.ActivityMbq.ToString("0.###", CultureInfo.InvariantCulture),
            ActivityUnit = ActivityUnit.MBq,
            WrittenDirectiveRequired = supervisedCase.WrittenDirectiveRequired,
            PersonalParticipation = supervisedCase.PersonalParticipation,
            Note = supervisedCase.Note,
            Version = supervisedCase.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } supervisedCase)
        {
            return NotFound();
        }

        if (CheckInput(supervisedCase.CenterId, Today(clock), key) is not { } valid)
        {
            return Page();
        }

        // The version the form was opened at, so that a change made since (a review, an edit in another tab) wins.
        db.Entry(supervisedCase).Property(c => c.Version).OriginalValue = Input.Version;
        supervisedCase.Edit(
            valid.SupervisorUserId, valid.AdministeredOn, valid.Radiopharmaceutical, valid.Nuclide, valid.Route, valid.ActivityMbq,
            valid.WrittenDirectiveRequired, valid.PersonalParticipation, valid.PatientToken ?? supervisedCase.PatientToken, valid.Note,
            User.GetUserId(), clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty,
                "This case changed since you opened it, for example your preceptor reviewed it. Nothing was saved: open the case again to see the current version.");
            return Page();
        }

        TempData["Status"] = WasApproved ? "Changes saved. The case went back to your preceptor for a new sign-off." : "Changes saved.";
        return RedirectToPage("Details", new { id });
    }

    /// <summary>The signed-in physician's own case with its center and roster, or null for anyone else's.</summary>
    private async Task<SupervisedCase?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.TraineeIdOfAsync(User, ct) is not { } traineeId)
        {
            return null;
        }

        var supervisedCase = await db.Cases.SingleOrDefaultAsync(c => c.Id == id && c.TraineeId == traineeId, ct);
        if (supervisedCase is null)
        {
            return null;
        }

        CaseId = supervisedCase.Id;
        WasApproved = supervisedCase.IsSignedOff;
        HasPatientToken = supervisedCase.PatientToken is not null;
        Centers = await db.Centers.Where(c => c.Id == supervisedCase.CenterId).Select(c => new CenterOption(c.Id, c.Name)).ToListAsync(ct);
        await LoadPreceptorsAsync(db, ct);
        return supervisedCase;
    }
}
