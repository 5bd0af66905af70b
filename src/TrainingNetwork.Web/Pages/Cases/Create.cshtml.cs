using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;
using TrainingNetwork.Web.Setup;

namespace TrainingNetwork.Web.Pages.Cases;

/// <summary>Logging a case, built to take well under a minute at the keyboard.</summary>
[IdempotentForm]
public sealed class CreateModel(AppDbContext db, PseudonymKey key, TimeProvider clock, IdempotentForms forms) : CaseFormModel
{
    public enum SaveChoice
    {
        Draft,
        Submit,
        LogAnother,
    }

    /// <summary>
    /// A form filled in from the latest accepted placement; after "Save and log another", <paramref name="from"/> is the
    /// case just saved (its center, preceptor, agent and date are kept) and <paramref name="unit"/> the unit it was typed in.
    /// </summary>
    public async Task<IActionResult> OnGetAsync(Guid? from, ActivityUnit? unit, CancellationToken ct)
    {
        if (await db.TraineeIdOfAsync(User, ct) is not { } traineeId)
        {
            return NotFound();
        }

        await LoadChoicesAsync(traineeId, ct);
        if (Centers.Count == 0)
        {
            return Page();
        }

        var center = Centers[0].Id;
        var centerIds = Centers.Select(c => c.Id).ToList();
        var mine = db.Cases.Where(c => c.TraineeId == traineeId);
        var previous = await (from is { } fromId ? mine.Where(c => c.Id == fromId && centerIds.Contains(c.CenterId)) : mine.Where(c => c.CenterId == center))
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => new { c.CenterId, c.SupervisorUserId, c.Radiopharmaceutical, c.AdministeredOn })
            .FirstOrDefaultAsync(ct);

        Input.AdministeredOn = Today(clock);
        Input.ActivityUnit = unit is { } chosen && Enum.IsDefined(chosen) ? chosen : ActivityUnit.MBq;
        if (from is not null && previous is not null)
        {
            center = previous.CenterId;
            Input.Agent = previous.Radiopharmaceutical;
            Input.AdministeredOn = previous.AdministeredOn;
        }

        Input.CenterId = center;
        var roster = Preceptors.Where(p => p.CenterId == center).ToList();
        Input.SupervisorUserId = roster.Any(p => p.UserId == previous?.SupervisorUserId) ? previous!.SupervisorUserId
            : roster.Count == 1 ? roster[0].UserId
            : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(SaveChoice save, CancellationToken ct)
    {
        if (await db.TraineeIdOfAsync(User, ct) is not { } traineeId)
        {
            return NotFound();
        }

        await LoadChoicesAsync(traineeId, ct);
        if (Centers.Count == 0 || CheckInput(Input.CenterId, Today(clock), key) is not { } valid)
        {
            return Page();
        }

        var userId = User.GetUserId();
        var now = clock.GetUtcNow();
        // Random, not time-ordered: a case id that embedded its creation time would reveal the day of treatment.
        var supervisedCase = new SupervisedCase(
            Guid.NewGuid(), traineeId, Input.CenterId, valid.SupervisorUserId, valid.AdministeredOn, valid.Radiopharmaceutical,
            valid.Nuclide, valid.Route, valid.ActivityMbq, valid.WrittenDirectiveRequired, valid.PersonalParticipation,
            valid.PatientToken, valid.Note, userId, now);
        if (save == SaveChoice.Submit)
        {
            var draft = AuditSnapshots.Of(supervisedCase);
            supervisedCase.Submit(userId, now);
            db.AuditCase(userId, AuditAction.CaseSubmitted, draft, supervisedCase);
        }

        db.Cases.Add(supervisedCase);
        return save switch
        {
            SaveChoice.Submit => await forms.SaveAsync(this, RedirectToPage("Index"),
                "Case logged and submitted to your preceptor for review.", ct),
            SaveChoice.LogAnother => await forms.SaveAsync(this, RedirectToPage("Create", new { from = supervisedCase.Id, unit = Input.ActivityUnit }),
                "Case saved as a draft. Log the next one: center, preceptor, radiopharmaceutical and date are kept.", ct),
            _ => await forms.SaveAsync(this, RedirectToPage("Index"),
                "Case saved as a draft. Submit it for review from its page when it is complete.", ct),
        };
    }

    /// <summary>The centers of accepted placements, the most recent first, and their preceptors.</summary>
    private async Task LoadChoicesAsync(Guid traineeId, CancellationToken ct)
    {
        var accepted = await db.Placements.Where(p => p.TraineeId == traineeId && p.Status == PlacementStatus.Accepted)
            .Join(db.Centers, p => p.CenterId, c => c.Id, (p, c) => new { c.Id, c.Name, p.StartsOn, p.RequestedAt })
            .OrderByDescending(x => x.StartsOn).ThenByDescending(x => x.RequestedAt)
            .ToListAsync(ct);
        Centers = [.. accepted.DistinctBy(x => x.Id).Select(x => new CenterOption(x.Id, x.Name))];
        await LoadPreceptorsAsync(db, ct);
    }
}
