using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Coordination;

/// <summary>
/// What the center gives trainees in each matching category (G1, G2, G3): the administrations its therapies bring, the
/// physicians it takes at once and the cases its preceptors can supervise; and how many trainees may claim one administration.
/// </summary>
public sealed class CapacityModel(AppDbContext db, TimeProvider clock, Waitlist waitlist) : CoordinatedCenterPage(db)
{
    public IReadOnlyList<CategoryRow> Categories { get; private set; } = [];

    /// <summary>The center-wide cap from the profile, and the places taken across all categories.</summary>
    public int CenterSlots { get; private set; }

    public int TakenAtCenter { get; private set; }

    public int MaxTraineesPerAdministration { get; private set; }

    /// <summary>The category whose change was refused, so its messages and typed values show in its form only.</summary>
    public string? RefusedCategory { get; private set; }

    [BindProperty]
    public CapacityInput Input { get; set; } = new();

    [BindProperty]
    public PolicyInput Policy { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) is { } center ? await ShowAsync(center, ct) : NotFound();

    public async Task<IActionResult> OnPostCategoryAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } center)
        {
            return NotFound();
        }

        if (!MatchingCategories.IsValid(Input.Category))
        {
            ModelState.AddModelError("Input.Category", "Choose the category to change: G1, G2 or G3.");
            return await ShowAsync(center, ct);
        }

        var (slots, slotsError) = CountInput.Parse(Input.TraineeSlots, Center.MaxTraineeSlots);
        var (cases, casesError) = CountInput.Parse(Input.PreceptorCases, CategoryCapacity.MaxPreceptorCasesPerMonth);
        if (slotsError is not null)
        {
            ModelState.AddModelError("Input.TraineeSlots", $"Trainee slots in {Input.Category}: {slotsError}");
        }

        if (casesError is not null)
        {
            ModelState.AddModelError("Input.PreceptorCases", $"Preceptor-supervised cases in {Input.Category}: {casesError}");
        }

        if (!ModelState.IsValid)
        {
            RefusedCategory = Input.Category;
            return await ShowAsync(center, ct);
        }

        var category = Input.Category!;
        var before = center.Capacities.SingleOrDefault(c => c.Category == category) is { } existing ? AuditSnapshots.Of(existing) : null;
        if (center.SetCategoryCapacity(Guid.CreateVersion7(clock.GetUtcNow()), category, slots!.Value, cases!.Value) is { } added)
        {
            Db.CategoryCapacities.Add(added);
        }

        var now = center.Capacities.Single(c => c.Category == category);
        Db.Audit(User.GetUserId(), AuditAction.CapacityChanged, "category_capacity", now.Id, before, AuditSnapshots.Of(now),
            $"{category} capacity set to {slots} trainee slots and {cases} preceptor-supervised cases a month");
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            TempData["Status"] = $"Someone else set the {category} capacity at the same time; check the figures below and save again if needed.";
            return Reopened();
        }

        // More slots or cases may open places that physicians on the waitlist are waiting for.
        var offered = (await waitlist.RunAfterSaveAsync(ct))?.Offered ?? 0;
        TempData["Status"] = $"{category} now takes {slots} trainees with {cases} preceptor-supervised cases a month."
            + (offered > 0 ? $" {offered} place(s) were offered to physicians on the waitlist." : "");
        return Reopened();
    }

    public async Task<IActionResult> OnPostPolicyAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } center)
        {
            return NotFound();
        }

        var (max, error) = CountInput.Parse(Policy.MaxTraineesPerAdministration, Center.MaxTraineesPerAdministrationLimit);
        if (error is not null || max < 1)
        {
            ModelState.AddModelError("Policy.MaxTraineesPerAdministration",
                $"Enter a whole number from 1 to {Center.MaxTraineesPerAdministrationLimit}, digits only (no commas, points or signs).");
            return await ShowAsync(center, ct);
        }

        var before = PolicySnapshot(center);
        center.SetClaimPolicy(max!.Value);
        Db.Audit(User.GetUserId(), AuditAction.CapacityChanged, "center", center.Id, before, PolicySnapshot(center),
            $"Claim policy set: at most {max} trainee(s) per administration");
        await Db.SaveChangesAsync(ct);
        TempData["Status"] = $"Up to {max} trainee(s) may now claim the same administration.";
        return Reopened();
    }

    private static object PolicySnapshot(Center center) => new { center.Id, center.MaxTraineesPerAdministration };

    private async Task<Center?> LoadAsync(CancellationToken ct)
    {
        var center = await MyCenter().Include(c => c.Therapies).Include(c => c.Capacities).SingleOrDefaultAsync(ct);
        CenterName = center?.Name ?? "";
        return center;
    }

    private RedirectToPageResult Reopened() => RedirectToPage(new { centerId = CenterId });

    private async Task<PageResult> ShowAsync(Center center, CancellationToken ct)
    {
        var supplies = (await CenterSupplies.LoadAsync(Db, null, ct)).Where(s => s.CenterId == center.Id).ToList();
        Categories = [.. MatchingCategories.All.Select(category =>
        {
            var therapies = center.Therapies.Where(t => TherapyCategories.MatchingCategoriesOf(t.Agent).Contains(category))
                .OrderBy(t => t.Agent, StringComparer.Ordinal).Select(t => new TherapyShare(t.Agent, t.MonthlyCaseCapacity)).ToList();
            var capacity = center.Capacities.SingleOrDefault(c => c.Category == category);
            var supply = supplies.SingleOrDefault(s => s.Category == category);
            return new CategoryRow(
                category, therapies, capacity?.TraineeSlots ?? 0, capacity?.PreceptorCasesPerMonth ?? 0, capacity is not null,
                supply?.TakenInCategory ?? 0, supply?.OpenPlaces ?? 0);
        })];
        CenterSlots = center.TraineeSlots;
        TakenAtCenter = supplies.FirstOrDefault()?.TakenAtCenter ?? 0;
        MaxTraineesPerAdministration = center.MaxTraineesPerAdministration;
        return Page();
    }

    public sealed record TherapyShare(string Agent, int MonthlyCases);

    public sealed record CategoryRow(
        string Category, IReadOnlyList<TherapyShare> Therapies, int TraineeSlots, int PreceptorCasesPerMonth, bool IsSet, int Taken, int OpenPlaces)
    {
        public int MonthlyAdministrations => Therapies.Sum(t => t.MonthlyCases);

        /// <summary>What physicians are matched on: administrations, as far as preceptors can supervise them.</summary>
        public int TrainingCasesPerMonth => Math.Min(MonthlyAdministrations, PreceptorCasesPerMonth);
    }

    public sealed class CapacityInput
    {
        public string? Category { get; set; }

        [Display(Name = "Trainee slots")]
        public string? TraineeSlots { get; set; }

        [Display(Name = "Preceptor-supervised cases a month")]
        public string? PreceptorCases { get; set; }
    }

    public sealed class PolicyInput
    {
        [Display(Name = "Trainees per administration")]
        public string? MaxTraineesPerAdministration { get; set; }
    }
}
