using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Profile;

public sealed class EditModel(AppDbContext db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var userId = User.GetUserId();
        var current = await db.Trainees.Where(t => t.UserId == userId)
            .Select(t => new InputModel
            {
                FullName = db.Users.Where(u => u.Id == userId).Select(u => u.FullName).First(),
                Npi = t.Npi,
                Specialty = t.Specialty,
                PracticeState = t.PracticeState,
                IntendedLicenseeState = t.IntendedLicenseeState,
            })
            .SingleOrDefaultAsync(ct);
        if (current is null)
        {
            return NotFound();
        }

        Input = current;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = User.GetUserId();
        var trainee = await db.Trainees.SingleOrDefaultAsync(t => t.UserId == userId, ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (trainee is null || user is null)
        {
            return NotFound();
        }

        ModelState.CheckText("Input.FullName", Input.FullName, 200);
        ModelState.CheckText("Input.Specialty", Input.Specialty, 100);
        ModelState.CheckState("Input.PracticeState", Input.PracticeState);
        ModelState.CheckState("Input.IntendedLicenseeState", Input.IntendedLicenseeState);
        var npi = Input.Npi?.Trim();
        if (!string.IsNullOrEmpty(npi) && !Npi.IsValid(npi))
        {
            ModelState.AddModelError("Input.Npi", npi.Length == 10 && npi.All(char.IsAsciiDigit)
                ? "Enter the 10-digit NPI; its check digit does not match."
                : "Enter the 10-digit NPI, digits only.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        user.FullName = TextInput.Clean(Input.FullName);
        trainee.UpdateProfile(TextInput.Clean(Input.Specialty), Input.PracticeState, string.IsNullOrEmpty(npi) ? null : npi);
        var before = AuditSnapshots.Of(trainee);
        var licenseeBefore = trainee.IntendedLicenseeState;
        trainee.SetIntendedLicenseeState(Input.IntendedLicenseeState);
        if (trainee.IntendedLicenseeState != licenseeBefore)
        {
            db.Audit(userId, AuditAction.IntendedLicenseeChanged, AppliedRuleSet.SubjectType, trainee.Id, before, AuditSnapshots.Of(trainee),
                trainee.IntendedLicenseeState is { } state ? $"Licensee state set to {state}" : "Licensee state set to the practice state");
        }

        await db.SaveChangesAsync(ct);
        TempData["Status"] = "Your profile was saved.";
        return RedirectToPage("./Index");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your full name.")]
        [Display(Name = "Full name")]
        public string FullName { get; set; } = "";

        [Display(Name = "NPI (National Provider Identifier)")]
        public string? Npi { get; set; }

        [Required(ErrorMessage = "Enter your specialty.")]
        [Display(Name = "Specialty")]
        public string Specialty { get; set; } = "";

        [Required(ErrorMessage = "Choose the state where you practise.")]
        [Display(Name = "State where you practise")]
        public string PracticeState { get; set; } = "";

        [Display(Name = "State of the licensee that will list you")]
        public string? IntendedLicenseeState { get; set; }
    }
}
