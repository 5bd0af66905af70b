using System.Globalization;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Network;

/// <summary>How a state's tile is shaded: its months of demand, in a few bands a reader can tell apart.</summary>
public sealed record DemandShade(string Key, string Label, string Fill, string TextFill);

/// <summary>
/// A US map as a grid of equal squares, one per state at a fixed position roughly where the state lies, so that small
/// states are as visible as large ones; DC, and PR, GU and VI are extra tiles. Drawn by Supply.cshtml as inline SVG.
/// </summary>
public static class StateTileMap
{
    public const int TileSize = 44;
    public const int Gap = 4;

    public static DemandShade NoneNeeded { get; } = new("none", "No cases needed", "#f1f3f5", "#212529");
    public static DemandShade UpToAMonth { get; } = new("month", "Up to 1 month of capacity", "#c6dbef", "#212529");
    public static DemandShade UpToThreeMonths { get; } = new("quarter", "Over 1 and up to 3 months", "#6baed6", "#212529");
    public static DemandShade OverThreeMonths { get; } = new("over", "Over 3 months", "#1d4e6b", "#ffffff");
    public static DemandShade NoCapacity { get; } = new("no-capacity", "Cases needed, no capacity", "#b02a37", "#ffffff");

    public static IReadOnlyList<DemandShade> Legend { get; } = [NoneNeeded, UpToAMonth, UpToThreeMonths, OverThreeMonths, NoCapacity];

    /// <summary>(column, row) of each tile, after the common US tile-grid layout; the territories sit in the bottom row.</summary>
    public static IReadOnlyDictionary<string, (int Column, int Row)> Positions { get; } = new Dictionary<string, (int, int)>
    {
        ["AK"] = (0, 0), ["ME"] = (10, 0),
        ["WI"] = (5, 1), ["VT"] = (9, 1), ["NH"] = (10, 1),
        ["WA"] = (0, 2), ["ID"] = (1, 2), ["MT"] = (2, 2), ["ND"] = (3, 2), ["MN"] = (4, 2), ["IL"] = (5, 2), ["MI"] = (6, 2),
        ["NY"] = (8, 2), ["MA"] = (9, 2),
        ["OR"] = (0, 3), ["NV"] = (1, 3), ["WY"] = (2, 3), ["SD"] = (3, 3), ["IA"] = (4, 3), ["IN"] = (5, 3), ["OH"] = (6, 3),
        ["PA"] = (7, 3), ["NJ"] = (8, 3), ["CT"] = (9, 3), ["RI"] = (10, 3),
        ["CA"] = (0, 4), ["UT"] = (1, 4), ["CO"] = (2, 4), ["NE"] = (3, 4), ["MO"] = (4, 4), ["KY"] = (5, 4), ["WV"] = (6, 4),
        ["VA"] = (7, 4), ["MD"] = (8, 4), ["DE"] = (9, 4),
        ["AZ"] = (1, 5), ["NM"] = (2, 5), ["KS"] = (3, 5), ["AR"] = (4, 5), ["TN"] = (5, 5), ["NC"] = (6, 5), ["SC"] = (7, 5),
        ["DC"] = (8, 5),
        ["OK"] = (3, 6), ["LA"] = (4, 6), ["MS"] = (5, 6), ["AL"] = (6, 6), ["GA"] = (7, 6),
        ["HI"] = (0, 7), ["GU"] = (1, 7), ["TX"] = (3, 7), ["FL"] = (8, 7), ["PR"] = (9, 7), ["VI"] = (10, 7),
    };

    public static DemandShade ShadeOf(SupplyDemandFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return figures.CasesNeeded == 0 ? NoneNeeded : figures.MonthsOfDemand switch
        {
            null => NoCapacity,
            <= 1 => UpToAMonth,
            <= 3 => UpToThreeMonths,
            _ => OverThreeMonths,
        };
    }

    public static int X(string state) => Positions[state].Column * (TileSize + Gap);

    public static int Y(string state) => Positions[state].Row * (TileSize + Gap);

    /// <summary>The SVG view box around <paramref name="states"/>' tiles, so that a region's map is not mostly empty.</summary>
    public static string ViewBox(IReadOnlyCollection<string> states)
    {
        if (states.Count == 0)
        {
            return "0 0 0 0";
        }

        var left = states.Min(X);
        var top = states.Min(Y);
        var width = states.Max(X) - left + TileSize;
        var height = states.Max(Y) - top + TileSize;
        return string.Create(CultureInfo.InvariantCulture, $"{left} {top} {width} {height}");
    }
}
