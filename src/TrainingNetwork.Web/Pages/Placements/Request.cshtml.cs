using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Matching;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Placements;

/// <summary>
/// A physician asks a center for a placement in one category, at most one open request per center. The category defaults
/// to the first one the physician still needs cases in (else (G)(3)), or to the one named in the link that led here.
/// </summary>
[IdempotentForm]
public sealed class RequestModel(AppDbContext db, TimeProvider clock, IdempotentForms forms) : PageModel
{
    // A date counts as past only once it is over in Hawaii, the westernmost US time zone, so nobody's today is refused.
    private static readonly TimeSpan WesternmostOffset = TimeSpan.FromHours(-10);

    private Guid _traineeId;

    [BindProperty(SupportsGet = true)]
    public Guid CenterId { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string CenterName { get; private set; } = "";

    public bool HasOpenPlacement { get; private set; }

    /// <summary>The first category the physician still needs cases in; null when none.</summary>
    public string? NeededCategory { get; private set; }

    /// <summary>The category a request is for unless the physician chooses another.</summary>
    public string DefaultCategory => NeededCategory ?? "G3";

    public DateOnly Earliest => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(WesternmostOffset).DateTime);

    public DateOnly Latest => Earliest.AddYears(2);

    public async Task<IActionResult> OnGetAsync(string? category, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Input.Category = MatchingCategories.IsValid(category) ? category : DefaultCategory;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (HasOpenPlacement)
        {
            ModelState.AddModelError("", $"You already have an open placement request at {CenterName}. Withdraw it on My placements before asking again.");
        }
        else if (Input.PreferredStart < Earliest)
        {
            ModelState.AddModelError("Input.PreferredStart", "Choose today or a later date.");
        }
        else if (Input.PreferredStart > Latest)
        {
            ModelState.AddModelError("Input.PreferredStart", $"Choose a date within two years, no later than {Latest:d MMM yyyy}.");
        }

        // A form sent without the field (not from a browser) asks for the default category.
        Input.Category ??= DefaultCategory;
        if (!MatchingCategories.IsValid(Input.Category))
        {
            ModelState.AddModelError("Input.Category", "Choose (G)(1), (G)(2) or (G)(3).");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow();
        db.Placements.Add(new Placement(Guid.CreateVersion7(now), _traineeId, CenterId, Input.PreferredStart!.Value, now, Input.Category));
        try
        {
            return await forms.SaveAsync(this, RedirectToPage("./Index"),
                $"Your placement request was sent to {CenterName}. You will see the coordinator's answer on this page.", ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            ModelState.AddModelError("", $"You already have an open placement request at {CenterName}.");
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var center = await db.Centers.Where(c => c.Id == CenterId).Select(c => c.Name).SingleOrDefaultAsync(ct);
        if (center is null || await db.TraineeIdOfAsync(User, ct) is not { } traineeId)
        {
            return false;
        }

        CenterName = center;
        _traineeId = traineeId;
        HasOpenPlacement = await db.Placements.Where(p => p.TraineeId == traineeId && p.CenterId == CenterId).Open().AnyAsync(ct);
        var needs = await db.ReadinessSummaries.Where(s => s.TraineeId == traineeId).Select(s => s.CasesStillNeeded).SingleOrDefaultAsync(ct) ?? [];
        NeededCategory = MatchingCategories.All.FirstOrDefault(c => RemainingCases.In(needs, c) > 0);
        return true;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the date you would like to start.")]
        [Display(Name = "Preferred start date")]
        public DateOnly? PreferredStart { get; set; }

        [Display(Name = "Category")]
        public string? Category { get; set; }
    }
}
