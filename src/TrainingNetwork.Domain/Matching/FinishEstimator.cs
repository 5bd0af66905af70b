namespace TrainingNetwork.Domain.Matching;

/// <summary>
/// What one center gives trainees in one category, and who already shares it: the category's administrations a month
/// (from the center's therapies), how many of them its preceptors can supervise with a trainee, the places free now
/// (slots less placed physicians and open offers) and the other physicians placed there who still need cases.
/// </summary>
public sealed record CenterSupply(
    Guid CenterId, string Name, string City, string State, int MonthlyAdministrations, int PreceptorCasesPerMonth, int OpenPlaces, int PhysiciansSharing)
{
    /// <summary>Cases a month trainees can actually take part in: the administrations, as far as preceptors can supervise them.</summary>
    public int TrainingCasesPerMonth => Math.Min(MonthlyAdministrations, PreceptorCasesPerMonth);
}

/// <summary>
/// How soon a physician could finish their remaining cases at one center, with every input shown: their share of the
/// center's training cases a month, and the estimated weeks rounded up (null when the center gives no such cases now).
/// </summary>
public sealed record FinishEstimate(CenterSupply Center, int CasesNeeded, int DistanceMiles, decimal CasesPerMonth, int? Weeks)
{
    public bool HasRoom => Center.OpenPlaces > 0;

    public string Explanation
    {
        get
        {
            var supply = Center.TrainingCasesPerMonth == 0
                ? $"No training cases a month now ({Center.MonthlyAdministrations} administrations, {Center.PreceptorCasesPerMonth} a preceptor can supervise)."
                : $"{Center.TrainingCasesPerMonth} training cases a month (the lesser of {Center.MonthlyAdministrations} administrations and {Center.PreceptorCasesPerMonth} a preceptor can supervise), "
                    + (Center.PhysiciansSharing == 0
                        ? $"shared with no one placed there: {CasesPerMonth:0.##} a month."
                        : $"shared equally by {Center.PhysiciansSharing + 1} physicians ({Center.PhysiciansSharing} placed there and this one): {CasesPerMonth:0.##} a month each.");
            var time = Weeks switch
            {
                null => "No estimate.",
                0 => "You need no more cases in this category.",
                _ => $"{CasesNeeded} {(CasesNeeded == 1 ? "case" : "cases")} to go ≈ {Weeks} {(Weeks == 1 ? "week" : "weeks")}.",
            };
            var places = Center.OpenPlaces == 0 ? "No open place now." : $"{Center.OpenPlaces} open {(Center.OpenPlaces == 1 ? "place" : "places")}.";
            return $"{supply} {time} {places}";
        }
    }
}

/// <summary>
/// Ranks centers by how soon a physician could finish there (decision 0013): centers with an open place first, then the
/// fewest estimated weeks, then the shortest distance. The estimate shares the center's monthly training cases equally
/// among the physicians placed there who still need cases, the asking physician included; a month is 52/12 weeks.
/// </summary>
public static class FinishEstimator
{
    public const decimal WeeksPerMonth = 52m / 12m;

    /// <summary>Whole weeks, rounded up, that <paramref name="months"/> of supply take.</summary>
    public static int WeeksFor(decimal months) => (int)Math.Ceiling(months * WeeksPerMonth);

    public static FinishEstimate Estimate(string homeState, int casesNeeded, CenterSupply center)
    {
        ArgumentNullException.ThrowIfNull(center);
        ArgumentOutOfRangeException.ThrowIfNegative(casesNeeded);
        var distance = StateDistances.Miles(homeState, center.State);
        var perMonth = center.TrainingCasesPerMonth / (decimal)(center.PhysiciansSharing + 1);
        int? weeks = casesNeeded == 0 ? 0
            : perMonth == 0 ? null
            : WeeksFor(casesNeeded / perMonth);
        return new FinishEstimate(center, casesNeeded, distance, perMonth, weeks);
    }

    public static IReadOnlyList<FinishEstimate> Rank(string homeState, int casesNeeded, IEnumerable<CenterSupply> centers) =>
        [.. centers.Select(center => Estimate(homeState, casesNeeded, center))
            .OrderByDescending(e => e.HasRoom)
            .ThenBy(e => e.Weeks ?? int.MaxValue)
            .ThenBy(e => e.DistanceMiles)
            .ThenBy(e => e.Center.Name, StringComparer.Ordinal)];
}
