using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Pages.Profile;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Network;

/// <summary>
/// The rule set the engine applies to one physician and why. Staff may apply another one instead of their jurisdiction's,
/// with a written justification the physician reads, or clear it; each change is audited, and saving the profile
/// re-evaluates the physician.
/// </summary>
public sealed class RuleSetModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int JustificationMaxLength = 1000;

    [BindProperty]
    public OverrideInput Input { get; set; } = new();

    public Guid TraineeId { get; private set; }
    public string PhysicianName { get; private set; } = "";
    public AppliedRuleSet Applied { get; private set; } = null!;
    public ReadinessSummary? Summary { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid traineeId, CancellationToken ct)
    {
        if (await LoadAsync(traineeId, ct) is not { } trainee)
        {
            return NotFound();
        }

        Input.RuleSet = trainee.RuleSetOverride is { } chosen ? AppliedRuleSet.Code(chosen) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostOverrideAsync(Guid traineeId, CancellationToken ct)
    {
        if (await LoadAsync(traineeId, ct) is not { } trainee)
        {
            return NotFound();
        }

        if (!RecordCodes.RuleSets.TryParse(Input.RuleSet ?? "", out var ruleSet))
        {
            ModelState.AddModelError("Input.RuleSet", "Choose NRC-2019 or LEGACY-2005.");
        }

        if (string.IsNullOrWhiteSpace(Input.Justification))
        {
            ModelState.AddModelError("Input.Justification", "Write the justification: why this physician is judged under another rule set. They read it on their profile.");
        }

        ModelState.CheckText("Input.Justification", Input.Justification, JustificationMaxLength);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var before = AuditSnapshots.Of(trainee);
        trainee.OverrideRuleSet(ruleSet, TextInput.Clean(Input.Justification!));
        return await SaveAsync(trainee, before, $"{AppliedRuleSet.Code(ruleSet)} applied to {PhysicianName} instead of {Applied.LicenseeState}'s rule set", ct);
    }

    public async Task<IActionResult> OnPostClearAsync(Guid traineeId, CancellationToken ct)
    {
        if (await LoadAsync(traineeId, ct) is not { } trainee)
        {
            return NotFound();
        }

        if (trainee.RuleSetOverride is null)
        {
            ModelState.AddModelError(string.Empty, $"{PhysicianName} has no override to clear: the jurisdiction's rule set applies.");
            return Page();
        }

        var before = AuditSnapshots.Of(trainee);
        trainee.ClearRuleSetOverride();
        return await SaveAsync(trainee, before, $"Override cleared: {Applied.LicenseeState}'s rule set applies to {PhysicianName} again", ct);
    }

    private async Task<IActionResult> SaveAsync(TraineeProfile trainee, object before, string done, CancellationToken ct)
    {
        db.Audit(User.GetUserId(), AuditAction.RuleSetOverridden, AppliedRuleSet.SubjectType, trainee.Id, before, AuditSnapshots.Of(trainee), done);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = $"{done}. The physician was re-evaluated.";
        return RedirectToPage(new { traineeId = trainee.Id });
    }

    private async Task<TraineeProfile?> LoadAsync(Guid traineeId, CancellationToken ct)
    {
        var trainee = await db.Trainees.SingleOrDefaultAsync(t => t.Id == traineeId, ct);
        if (trainee is null)
        {
            return null;
        }

        TraineeId = trainee.Id;
        PhysicianName = await db.Users.Where(u => u.Id == trainee.UserId).Select(u => u.FullName).SingleAsync(ct);
        Applied = await AppliedRuleSet.OfAsync(db, trainee, clock.Today(), ct);
        Summary = await db.ReadinessSummaries.AsNoTracking().SingleOrDefaultAsync(s => s.TraineeId == traineeId, ct);
        return trainee;
    }

    public sealed class OverrideInput
    {
        [Display(Name = "Rule set to apply")]
        public string? RuleSet { get; set; }

        [Display(Name = "Justification")]
        [DataType(DataType.MultilineText)]
        public string? Justification { get; set; }
    }
}
