using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Profile;

/// <summary>The physician's state medical licenses: one per state.</summary>
[IdempotentForm("Add")]
public sealed class LicensesModel(AppDbContext db, TimeProvider clock, IdempotentForms forms) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<LicenseRow> Licenses { get; private set; } = [];

    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await db.TraineeIdOfAsync(User, ct) is { } traineeId ? await ShowAsync(traineeId, ct) : NotFound();

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (await db.TraineeIdOfAsync(User, ct) is not { } traineeId)
        {
            return NotFound();
        }

        ModelState.CheckState("Input.State", Input.State);
        ModelState.CheckText("Input.Number", Input.Number, 40);
        var state = UsState.IsValid(Input.State) ? UsState.Normalize(Input.State) : null;
        if (state is not null && await db.StateMedicalLicenses.AnyAsync(l => l.TraineeId == traineeId && l.State == state, ct))
        {
            ModelState.AddModelError("Input.State", "You already recorded a license for this state. Remove it first to replace it.");
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(traineeId, ct);
        }

        db.StateMedicalLicenses.Add(new StateMedicalLicense(
            Guid.CreateVersion7(clock.GetUtcNow()), traineeId, state!, TextInput.Clean(Input.Number), Input.ExpiresOn));
        return await forms.SaveAsync(this, RedirectToPage(), $"Your {state} license was added.", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        var traineeId = await db.TraineeIdOfAsync(User, ct);
        var license = await db.StateMedicalLicenses.SingleOrDefaultAsync(l => l.Id == id && l.TraineeId == traineeId, ct);
        if (license is null)
        {
            return NotFound();
        }

        db.StateMedicalLicenses.Remove(license);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = $"Your {license.State} license was removed.";
        return RedirectToPage();
    }

    private async Task<PageResult> ShowAsync(Guid traineeId, CancellationToken ct)
    {
        Licenses = await db.StateMedicalLicenses.Where(l => l.TraineeId == traineeId)
            .OrderBy(l => l.State)
            .Select(l => new LicenseRow(l.Id, l.State, l.Number, l.ExpiresOn))
            .ToListAsync(ct);
        return Page();
    }

    public sealed record LicenseRow(Guid Id, string State, string Number, DateOnly? ExpiresOn);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose the state that issued the license.")]
        [Display(Name = "State")]
        public string State { get; set; } = "";

        [Required(ErrorMessage = "Enter the license number.")]
        [Display(Name = "License number")]
        public string Number { get; set; } = "";

        [DataType(DataType.Date)]
        [Display(Name = "Expires on (optional)")]
        public DateOnly? ExpiresOn { get; set; }
    }
}
