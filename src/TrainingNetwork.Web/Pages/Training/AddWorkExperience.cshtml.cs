using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Training;

/// <summary>Records one supervised work-experience element and the network preceptor who supervised it.</summary>
[IdempotentForm]
public sealed class AddWorkExperienceModel(AppDbContext db, TimeProvider clock, IdempotentForms forms) : PageModel
{
    public const decimal MaxHours = 2000m;

    private const int LicenseMaxLength = 60;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<PreceptorOption> Preceptors { get; private set; } = [];

    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var traineeId = await db.TraineeIdOfAsync(User, ct);
        if (traineeId is null)
        {
            return NotFound();
        }

        Preceptors = await PreceptorsForAsync(traineeId.Value, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var traineeId = await db.TraineeIdOfAsync(User, ct);
        if (traineeId is null)
        {
            return NotFound();
        }

        Preceptors = await PreceptorsForAsync(traineeId.Value, ct);
        decimal? hours = null;
        if (!string.IsNullOrWhiteSpace(Input.Hours))
        {
            (hours, var hoursProblem) = TrainingInput.ParseHours(Input.Hours, MaxHours);
            if (hoursProblem is not null)
            {
                ModelState.AddModelError("Input.Hours", hoursProblem);
            }
        }

        if (TrainingInput.DateProblem(Input.CompletedOn, Today) is { } dateProblem)
        {
            ModelState.AddModelError("Input.CompletedOn", dateProblem);
        }

        var supervisor = Preceptors.FirstOrDefault(p => p.UserId == Input.SupervisorUserId);
        if (Input.SupervisorUserId is not null && supervisor is null)
        {
            ModelState.AddModelError("Input.SupervisorUserId", "Choose a preceptor from the list.");
        }

        var license = string.IsNullOrWhiteSpace(Input.License) ? supervisor?.License : TextInput.Clean(Input.License);
        if (TextInput.Problem(Input.License, LicenseMaxLength) is { } licenseProblem)
        {
            ModelState.AddModelError("Input.License", licenseProblem);
        }
        else if (license is null && supervisor is not null)
        {
            ModelState.AddModelError("Input.License", "Enter the license number under which the work was done.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow();
        db.WorkExperience.Add(new WorkExperience(
            Guid.CreateVersion7(now), traineeId.Value, Input.Element!.Value, Input.CompletedOn!.Value, hours, supervisor!.UserId, license!));
        return await forms.SaveAsync(this, RedirectToPage("./Index"),
            $"Saved work experience completed on {Input.CompletedOn:yyyy-MM-dd} under {supervisor.Name}.", ct);
    }

    /// <summary>Every network preceptor; those at a center that accepted the physician come first.</summary>
    private async Task<IReadOnlyList<PreceptorOption>> PreceptorsForAsync(Guid traineeId, CancellationToken ct)
    {
        var placementCenters = db.Placements
            .Where(p => p.TraineeId == traineeId && (p.Status == PlacementStatus.Accepted || p.Status == PlacementStatus.Completed))
            .Select(p => p.CenterId);
        var preceptorRole = db.Roles.Where(r => r.Name == Roles.Preceptor).Select(r => r.Id);
        var preceptors = await db.Users
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && preceptorRole.Contains(ur.RoleId)))
            .Select(u => new
            {
                u.Id,
                u.FullName,
                Centers = db.CenterMemberships.Where(m => m.UserId == u.Id && m.Role == CenterRole.Preceptor)
                    .Join(db.Centers, m => m.CenterId, c => c.Id, (m, c) => new { c.Name, c.LicenseNumber, Placed = placementCenters.Contains(c.Id) })
                    .OrderBy(c => c.Name)
                    .ToList(),
            })
            .ToListAsync(ct);

        return [.. preceptors
            .Select(p => new PreceptorOption(
                p.Id,
                p.FullName,
                string.Join(", ", p.Centers.Select(c => c.Name)),
                p.Centers.Select(c => c.LicenseNumber).Distinct().Count() == 1 ? p.Centers[0].LicenseNumber : null,
                p.Centers.Any(c => c.Placed)))
            .OrderByDescending(p => p.AtPlacementCenter)
            .ThenBy(p => p.Centers, StringComparer.Ordinal)
            .ThenBy(p => p.Name, StringComparer.Ordinal)];
    }

    /// <summary>A preceptor to choose; <see cref="License"/> is their center's license when they work for one center only.</summary>
    public sealed record PreceptorOption(string UserId, string Name, string Centers, string? License, bool AtPlacementCenter);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose the work-experience element.")]
        [Display(Name = "Element")]
        public WorkElement? Element { get; set; }

        [Required(ErrorMessage = "Enter the date you completed it.")]
        [Display(Name = "Completed on")]
        public DateOnly? CompletedOn { get; set; }

        [Display(Name = "Hours (optional)")]
        public string? Hours { get; set; }

        [Required(ErrorMessage = "Choose the Authorized User who supervised you.")]
        [Display(Name = "Supervising Authorized User")]
        public string? SupervisorUserId { get; set; }

        [Display(Name = "License number")]
        public string? License { get; set; }
    }
}
