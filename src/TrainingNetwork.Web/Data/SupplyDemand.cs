using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Matching;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Web.Data;

/// <summary>
/// Supervised cases still needed in one category against the monthly training capacity of one place (a state or a
/// waitlist's region): by physicians waiting for a place (<see cref="Waiting"/>, every one in line, and
/// <see cref="WaitingCases"/>) and by physicians placed there (<see cref="Placed"/>, those still needing cases, and
/// <see cref="PlacedCases"/>), the training cases a month its centers give and their open places.
/// </summary>
public sealed record SupplyDemandFigures(
    string Place, string Category, int Waiting, int WaitingCases, int Placed, int PlacedCases, int MonthlyCapacity, int OpenPlaces)
{
    public int CasesNeeded => WaitingCases + PlacedCases;

    /// <summary>Months of the place's capacity the cases needed would take (the demand-to-capacity ratio); null without capacity.</summary>
    public decimal? MonthsOfDemand => MonthlyCapacity == 0 ? null : CasesNeeded / (decimal)MonthlyCapacity;

    /// <summary>
    /// Weeks for the capacity to give every case needed, rounded up as <see cref="FinishEstimator"/> rounds (a month is 52/12
    /// weeks): 0 when no case is needed, null when cases are needed and there is no capacity.
    /// </summary>
    public int? WeeksToClear => CasesNeeded == 0 ? 0
        : MonthsOfDemand is { } months ? FinishEstimator.WeeksFor(months)
        : null;
}

/// <summary>
/// The staff view of supply and demand in every category: per state (a waiting physician counts at their home state, a
/// placed one at their center's state) and per waitlist (region × category: the physicians in its line, and the physicians
/// placed at centers in the region). Cases still needed are the engine's (<see cref="ReadinessSummary.CasesStillNeeded"/>),
/// summed in PostgreSQL; capacity is <see cref="CenterSupplies"/>' training cases a month.
/// </summary>
public sealed class SupplyDemand
{
    private const string Waiting = "waiting";

    private SupplyDemand(IReadOnlyList<SupplyDemandFigures> states, IReadOnlyList<SupplyDemandFigures> waitlists)
    {
        States = states;
        Waitlists = waitlists;
    }

    /// <summary>Every state (DC and territories included) in every category.</summary>
    public IReadOnlyList<SupplyDemandFigures> States { get; }

    /// <summary>Every region in every category.</summary>
    public IReadOnlyList<SupplyDemandFigures> Waitlists { get; }

    public static async Task<SupplyDemand> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var demand = await db.Database.SqlQueryRaw<DemandRow>($"""
            WITH demand AS (
                SELECT '{Waiting}' AS source, e.home_state::text AS state, e.region, e.category, e.trainee_id
                FROM waitlist_entries e
                WHERE e.status IN ('{nameof(WaitlistStatus.Waiting)}', '{nameof(WaitlistStatus.Offered)}')
                UNION ALL
                SELECT 'placed', c.state::text, NULL, p.category, p.trainee_id
                FROM placements p JOIN centers c ON c.id = p.center_id
                WHERE p.status = '{nameof(PlacementStatus.Accepted)}'
            ),
            needs AS (
                SELECT d.*, coalesce((
                    SELECT sum(split_part(need, ':', 2)::int)
                    FROM unnest(s.cases_still_needed) need
                    WHERE split_part(need, ':', 1) = d.category), 0) AS cases
                FROM demand d
                LEFT JOIN readiness_summaries s ON s.trainee_id = d.trainee_id
            )
            SELECT source, state, region, category,
                   count(DISTINCT trainee_id) FILTER (WHERE source = '{Waiting}' OR cases > 0)::int AS physicians,
                   sum(cases)::int AS cases
            FROM needs
            GROUP BY source, state, region, category
            """).ToListAsync(ct);
        var supplies = await CenterSupplies.LoadAsync(db, category: null, ct);

        var waiting = demand.Where(d => d.Source == Waiting).ToList();
        var placed = demand.Where(d => d.Source != Waiting).ToList();
        var states = UsState.All.SelectMany(state => MatchingCategories.All.Select(category => Figures(
            state, category,
            waiting.Where(d => d.State == state),
            placed.Where(d => d.State == state),
            supplies.Where(s => s.State == state))));
        var waitlists = UsRegion.All.SelectMany(region => MatchingCategories.All.Select(category => Figures(
            region, category,
            waiting.Where(d => d.Region == region),
            placed.Where(d => UsRegion.Of(d.State) == region),
            supplies.Where(s => UsRegion.Of(s.State) == region))));
        return new SupplyDemand([.. states], [.. waitlists]);

        static SupplyDemandFigures Figures(
            string place, string category, IEnumerable<DemandRow> waiting, IEnumerable<DemandRow> placed, IEnumerable<CenterCategorySupply> supplies)
        {
            var waitingHere = waiting.Where(d => d.Category == category).ToList();
            var placedHere = placed.Where(d => d.Category == category).ToList();
            var supplyHere = supplies.Where(s => s.Category == category).ToList();
            return new SupplyDemandFigures(
                place, category,
                waitingHere.Sum(d => d.Physicians), waitingHere.Sum(d => d.Cases),
                placedHere.Sum(d => d.Physicians), placedHere.Sum(d => d.Cases),
                supplyHere.Sum(s => s.For(null).TrainingCasesPerMonth), supplyHere.Sum(s => s.OpenPlaces));
        }
    }

    private sealed record DemandRow(string Source, string State, string? Region, string Category, int Physicians, int Cases);
}
