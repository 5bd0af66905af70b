using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Centers;

/// <summary>The center directory: every filter is a query-string parameter, so a search can be bookmarked and shared.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int MaxSearchLength = 100;


    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "state")]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "region")]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "therapy")]
    public string? Therapy { get; set; }

    [BindProperty(SupportsGet = true, Name = "open")]
    public bool OpenOnly { get; set; }

    public IReadOnlyList<string> States { get; private set; } = [];
    public IReadOnlyList<string> Therapies { get; private set; } = [];
    public IReadOnlyList<CenterRow> Centers { get; private set; } = [];

    public string? ProblemWith(string field) => ModelState[field]?.Errors.FirstOrDefault()?.ErrorMessage;

    public bool IsFiltered => Search is not null || State is not null || Region is not null || Therapy is not null || OpenOnly;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Search = Search?.Trim() is { Length: > 0 } search ? search : null;
        State = State?.Trim().ToUpperInvariant() is { Length: > 0 } state ? state : null;
        States = await db.Centers.Select(c => c.State).Distinct().OrderBy(s => s).ToListAsync(ct);
        Therapies = await db.CenterTherapies.Select(t => t.Agent).Distinct().OrderBy(a => a).ToListAsync(ct);
        if (State is not null && UsState.IsValid(State) && !States.Contains(State))
        {
            States = [.. States.Append(State).Order()];
        }

        CheckFilters();
        if (!ModelState.IsValid)
        {
            return;
        }

        var centers = db.Centers.AsQueryable();
        if (Search is not null)
        {
            var pattern = SearchPatterns.Containing(Search);
            centers = centers.Where(c => EF.Functions.ILike(c.Name, pattern) || EF.Functions.ILike(c.City, pattern));
        }

        if (State is not null)
        {
            centers = centers.Where(c => c.State == State);
        }

        if (Region is not null)
        {
            var regionStates = UsRegion.StatesIn(Region).ToList();
            centers = centers.Where(c => regionStates.Contains(c.State));
        }

        if (Therapy is not null)
        {
            centers = centers.Where(c => c.Therapies.Any(t => t.Agent == Therapy));
        }

        var withPlaces = centers.WithTakenPlaces(db);
        if (OpenOnly)
        {
            withPlaces = withPlaces.Where(c => c.Center.TraineeSlots > c.Taken);
        }

        Centers = await withPlaces
            .OrderBy(c => c.Center.Name)
            .Select(c => new CenterRow(
                c.Center.Id, c.Center.Name, c.Center.City, c.Center.State, c.Center.Regulator,
                c.Center.Therapies.OrderBy(t => t.Agent).Select(t => new TherapyOffer(t.Agent, t.MonthlyCaseCapacity)).ToList(),
                new Places(c.Center.TraineeSlots, c.Taken)))
            .ToListAsync(ct);
    }

    private void CheckFilters()
    {
        if (TextInput.Problem(Search, MaxSearchLength) is { } problem)
        {
            ModelState.AddModelError("q", problem);
        }

        if (State is not null && !UsState.IsValid(State))
        {
            ModelState.AddModelError("state", "Choose a state from the list.");
        }

        if (Region is not null && !UsRegion.All.Contains(Region))
        {
            ModelState.AddModelError("region", "Choose a region from the list.");
        }

        if (Therapy is not null && !Therapies.Contains(Therapy))
        {
            ModelState.AddModelError("therapy", "Choose a therapy from the list.");
        }
    }

    public sealed record CenterRow(Guid Id, string Name, string City, string State, Regulator Regulator, List<TherapyOffer> Therapies, Places Places);
}
