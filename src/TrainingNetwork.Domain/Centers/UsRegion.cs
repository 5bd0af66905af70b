namespace TrainingNetwork.Domain.Centers;

/// <summary>
/// The four US Census Bureau regions, so physicians can look for centers near them. DC counts as South, as the Census
/// Bureau has it; Puerto Rico, Guam and the US Virgin Islands are in no region and are grouped as territories.
/// </summary>
public static class UsRegion
{
    public const string Northeast = "Northeast";
    public const string Midwest = "Midwest";
    public const string South = "South";
    public const string West = "West";
    public const string Territories = "Territories";

    private static readonly Dictionary<string, string[]> StatesByRegion = new()
    {
        [Northeast] = ["CT", "ME", "MA", "NH", "RI", "VT", "NJ", "NY", "PA"],
        [Midwest] = ["IL", "IN", "MI", "OH", "WI", "IA", "KS", "MN", "MO", "NE", "ND", "SD"],
        [South] = ["DE", "DC", "FL", "GA", "MD", "NC", "SC", "VA", "WV", "AL", "KY", "MS", "TN", "AR", "LA", "OK", "TX"],
        [West] = ["AZ", "CO", "ID", "MT", "NV", "NM", "UT", "WY", "AK", "CA", "HI", "OR", "WA"],
        [Territories] = ["PR", "GU", "VI"],
    };

    /// <summary>The four regions, then the territories.</summary>
    public static IReadOnlyList<string> All { get; } = [Northeast, Midwest, South, West, Territories];

    /// <summary>The region of a two-letter state code (any case); throws for a code that is not a US state.</summary>
    public static string Of(string state)
    {
        var code = UsState.Normalize(state);
        return StatesByRegion.First(region => region.Value.Contains(code)).Key;
    }

    /// <summary>The state codes of <paramref name="region"/>; empty for a name that is not one of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> StatesIn(string? region) =>
        region is not null && StatesByRegion.TryGetValue(region, out var states) ? states : [];
}
