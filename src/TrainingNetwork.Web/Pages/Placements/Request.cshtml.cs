using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Placements;

/// <summary>A physician asks a center for a placement, at most one open request per center.</summary>
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

    public DateOnly Earliest => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(WesternmostOffset).DateTime);

    public DateOnly Latest => Earliest.AddYears(2);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

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

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow();
        db.Placements.Add(new Placement(Guid.CreateVersion7(now), _traineeId, CenterId, Input.PreferredStart!.Value, now));
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
        return true;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the date you would like to start.")]
        [Display(Name = "Preferred start date")]
        public DateOnly? PreferredStart { get; set; }
    }
}
