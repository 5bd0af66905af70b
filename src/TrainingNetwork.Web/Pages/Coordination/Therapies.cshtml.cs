using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Readiness.Catalogue;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Coordination;

/// <summary>The therapies the center gives, with the supervised cases it can offer trainees each month.</summary>
[IdempotentForm("Add")]
public sealed class TherapiesModel(AppDbContext db, TimeProvider clock, IdempotentForms forms, Waitlist waitlist) : CoordinatedCenterPage(db)
{
    public IReadOnlyList<TherapyRow> Therapies { get; private set; } = [];

    public IReadOnlyList<Radiopharmaceutical> Addable { get; private set; } = [];

    /// <summary>The row whose capacity change was refused, so its message and typed value show in that row only.</summary>
    public Guid? RefusedTherapyId { get; private set; }

    [BindProperty]
    public TherapyInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) is { } center ? Show(center) : NotFound();

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } center)
        {
            return NotFound();
        }

        var agent = TherapyCategories.FindOfferable(Input.Agent);
        if (agent is null)
        {
            ModelState.AddModelError("Input.Agent", "Choose a radiopharmaceutical from the list.");
        }
        else if (center.Therapies.Any(t => t.Agent == agent.Name))
        {
            ModelState.AddModelError("Input.Agent", $"{agent.Name} is already on the list; change its capacity there.");
        }

        var (capacity, error) = CountInput.Parse(Input.Capacity, CenterTherapy.MaxMonthlyCaseCapacity);
        if (error is not null)
        {
            ModelState.AddModelError("Input.Capacity", error);
        }

        if (!ModelState.IsValid)
        {
            return Show(center);
        }

        center.OfferTherapy(Guid.CreateVersion7(clock.GetUtcNow()), agent!.Name, capacity!.Value);
        forms.Add(this, Reopened());
        return await SaveAsync($"{agent.Name} was added with {capacity} cases a month.", ct);
    }

    public async Task<IActionResult> OnPostCapacityAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } center || center.Therapies.SingleOrDefault(t => t.Id == Input.TherapyId) is not { } therapy)
        {
            return NotFound();
        }

        var (capacity, error) = CountInput.Parse(Input.Capacity, CenterTherapy.MaxMonthlyCaseCapacity);
        if (error is not null)
        {
            ModelState.AddModelError("Input.Capacity", error);
            RefusedTherapyId = therapy.Id;
            return Show(center);
        }

        center.ChangeCapacity(therapy.Agent, capacity!.Value);
        return await SaveAsync($"{therapy.Agent} now offers {capacity} cases a month.", ct);
    }

    public async Task<IActionResult> OnPostStopAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } center || center.Therapies.SingleOrDefault(t => t.Id == Input.TherapyId) is not { } therapy)
        {
            return NotFound();
        }

        // The therapy's row has no owner once it leaves the collection; delete it rather than orphan it.
        Db.CenterTherapies.Remove(center.StopOffering(therapy.Agent));
        return await SaveAsync($"{therapy.Agent} is no longer offered.", ct);
    }

    private async Task<Center?> LoadAsync(CancellationToken ct)
    {
        var center = await MyCenter().Include(c => c.Therapies).SingleOrDefaultAsync(ct);
        CenterName = center?.Name ?? "";
        return center;
    }

    private async Task<IActionResult> SaveAsync(string outcome, CancellationToken ct)
    {
        try
        {
            await Db.SaveChangesAsync(ct);
            TempData["Status"] = outcome;
            await waitlist.RunAfterSaveAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            TempData["Status"] = "Someone else added this therapy at the same time; it is on the list now.";
        }

        return Reopened();
    }

    private RedirectToPageResult Reopened() => RedirectToPage(new { centerId = CenterId });

    private PageResult Show(Center center)
    {
        Therapies = [.. center.Therapies.OrderBy(t => t.Agent, StringComparer.Ordinal)
            .Select(t => new TherapyRow(t.Id, t.Agent, t.MonthlyCaseCapacity, TherapyCategories.Of(t.Agent)))];
        Addable = [.. TherapyCategories.Offerable.Where(agent => center.Therapies.All(t => t.Agent != agent.Name))];
        return Page();
    }

    public sealed record TherapyRow(Guid Id, string Agent, int MonthlyCaseCapacity, TherapyCategory? Category);

    public sealed class TherapyInput
    {
        /// <summary>The therapy to change or stop; ignored when adding.</summary>
        public Guid TherapyId { get; set; }

        [Display(Name = "Radiopharmaceutical")]
        public string? Agent { get; set; }

        [Display(Name = "Supervised cases a month")]
        public string? Capacity { get; set; }
    }
}
