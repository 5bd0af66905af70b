using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Network;

/// <summary>The filters as the query string asks for them (category, region), before they are checked.</summary>
public sealed class SupplyQuery
{
    public string? Category { get; set; }
    public string? Region { get; set; }
}

/// <summary>
/// Supply and demand of supervised cases for network staff: per state and per waitlist, the cases physicians still need
/// against the training cases centers give a month, in one category at a time, with a tile map of the states.
/// </summary>
public sealed class SupplyModel(AppDbContext db) : PageModel
{
    /// <summary>The category shown when none is asked for: the one the network's therapies mostly train in.</summary>
    public const string DefaultCategory = "G3";

    [BindProperty(SupportsGet = true)]
    public SupplyQuery Query { get; set; } = new();

    public string Category { get; private set; } = DefaultCategory;

    /// <summary>The region the figures are narrowed to; null for every region.</summary>
    public string? Region { get; private set; }

    /// <summary>What was asked for but not known, and so ignored.</summary>
    public IReadOnlyList<string> Ignored { get; private set; } = [];

    /// <summary>The states in scope, alphabetically: the map's tiles and its table's rows.</summary>
    public IReadOnlyList<SupplyDemandFigures> States { get; private set; } = [];

    public IReadOnlyList<SupplyDemandFigures> Waitlists { get; private set; } = [];

    public static IReadOnlyList<string> Categories => MatchingCategories.All;

    public static IReadOnlyList<string> Regions => UsRegion.All;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var ignored = new List<string>();
        if (!string.IsNullOrWhiteSpace(Query.Category))
        {
            if (MatchingCategories.IsValid(Query.Category))
            {
                Category = Query.Category;
            }
            else
            {
                ignored.Add($"The category asked for is not one centers train in, so {DefaultCategory} is shown.");
            }
        }

        if (!string.IsNullOrWhiteSpace(Query.Region))
        {
            if (Regions.Contains(Query.Region))
            {
                Region = Query.Region;
            }
            else
            {
                ignored.Add("The region asked for is not a region of the waitlist, so every region is shown.");
            }
        }

        Ignored = ignored;
        var figures = await SupplyDemand.LoadAsync(db, ct);
        var statesInScope = Region is null ? UsState.All : UsRegion.StatesIn(Region);
        States = [.. figures.States.Where(f => f.Category == Category && statesInScope.Contains(f.Place)).OrderBy(f => f.Place, StringComparer.Ordinal)];
        Waitlists = [.. figures.Waitlists.Where(f => f.Category == Category && (Region is null || f.Place == Region))];
    }

    public string MapLabel =>
        $"Map of {Region ?? "US"} states shaded by months of {Category} demand: cases still needed against training cases a month. The table below gives every figure.";

    public static string Months(SupplyDemandFigures figures) =>
        figures.MonthsOfDemand?.ToString("0.##", CultureInfo.InvariantCulture) ?? (figures.CasesNeeded == 0 ? "–" : "no capacity");

    public static string WeeksToClear(SupplyDemandFigures figures) => figures.WeeksToClear switch
    {
        null => "no capacity",
        0 => "nothing to clear",
        1 => "1 week",
        var weeks => $"{weeks} weeks",
    };

    /// <summary>A tile's tooltip: the state's figures in a sentence.</summary>
    public string TileTitle(SupplyDemandFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var supply = figures.MonthlyCapacity == 0
            ? "no training cases a month"
            : $"{figures.MonthlyCapacity} training cases a month ({Months(figures)} months of demand)";
        return $"{figures.Place}: {figures.CasesNeeded} {Category} {(figures.CasesNeeded == 1 ? "case" : "cases")} still needed "
            + $"({figures.WaitingCases} by {Physicians(figures.Waiting)} waiting, {figures.PlacedCases} by {Physicians(figures.Placed)} placed), "
            + $"{supply}, {figures.OpenPlaces} open {(figures.OpenPlaces == 1 ? "place" : "places")}.";

        static string Physicians(int count) => count == 1 ? "1 physician" : $"{count} physicians";
    }
}
