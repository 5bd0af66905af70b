using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Pages.Placements;

namespace TrainingNetwork.Web.Pages.Network;

/// <summary>
/// "Where can they finish?" for staff helping a physician: pick one of the physicians who still need supervised cases
/// (by name), then see the same ranking the physician sees.
/// </summary>
public sealed class FinishModel(AppDbContext db) : PageModel
{
    public const int MaxSearchLength = 100;

    /// <summary>The list of physicians shows at most this many; a name search narrows it.</summary>
    public const int MaxRows = 50;

    [BindProperty(SupportsGet = true)]
    public Guid? TraineeId { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>The chosen physician's ranking; null while choosing.</summary>
    public FinishRanking? Ranking { get; private set; }

    public IReadOnlyList<PhysicianNeedingCases> Physicians { get; private set; } = [];

    public string? SearchProblem => ModelState["q"]?.Errors.FirstOrDefault()?.ErrorMessage;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (TraineeId is { } traineeId)
        {
            Ranking = await FinishRanking.LoadAsync(db, traineeId, forPhysician: false, ct);
            return Ranking is null ? NotFound() : Page();
        }

        Search = Search?.Trim() is { Length: > 0 } search ? search : null;
        if (TextInput.Problem(Search, MaxSearchLength) is { } problem)
        {
            ModelState.AddModelError("q", problem);
            return Page();
        }

        var needing = db.Trainees.AsNoTracking()
            .Join(db.ReadinessSummaries, t => t.Id, s => s.TraineeId, (t, s) => new { Trainee = t, Summary = s })
            .Where(x => x.Summary.CasesStillNeeded.Count > 0)
            .Join(db.Users, x => x.Trainee.UserId, u => u.Id, (x, u) => new { x.Trainee, x.Summary, u.FullName });
        if (Search is not null)
        {
            var pattern = SearchPatterns.Containing(Search);
            needing = needing.Where(x => EF.Functions.ILike(x.FullName, pattern));
        }

        Physicians = await needing.OrderBy(x => x.FullName).ThenBy(x => x.Trainee.Id).Take(MaxRows)
            .Select(x => new PhysicianNeedingCases(x.Trainee.Id, x.FullName, x.Trainee.PracticeState, x.Summary.CasesStillNeeded))
            .ToListAsync(ct);
        return Page();
    }

    /// <summary>A physician with cases still to find, e.g. <c>CasesStillNeeded</c> = ["G3:2"].</summary>
    public sealed record PhysicianNeedingCases(Guid TraineeId, string Name, string PracticeState, List<string> CasesStillNeeded)
    {
        public string Needs => string.Join(", ", CasesStillNeeded.Select(n => n.Split(':')).Select(n => $"{n[1]} in {FinishRanking.CategoryName(n[0])}"));
    }
}
