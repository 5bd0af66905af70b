using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Readiness.Catalogue;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Pages.Centers;
using TrainingNetwork.Web.Pages.Coordination;

namespace TrainingNetwork.Web.Data;

/// <summary>
/// What the network dashboard and its exports are narrowed to; null means no narrowing. <see cref="State"/> is a
/// physician's practice state for physician figures and a center's state for center and case figures;
/// <see cref="CenterIds"/> are the centers in scope for center and case figures (null when neither is chosen).
/// </summary>
public sealed record DashboardFilter(string? State, Guid? CenterId, string? Category, IReadOnlyList<Guid>? CenterIds)
{
    /// <summary>The catalogue agents whose cases fall in <see cref="Category"/>; null without a category.</summary>
    public IReadOnlyList<string>? Agents => Category is null ? null : NetworkDashboard.AgentsIn(Category);

    /// <summary>The filter as the audit trail records it.</summary>
    public object Snapshot => new { state = State, center = CenterId, category = Category };
}

/// <summary>The filters as the query string asks for them (state, center, category), before they are checked.</summary>
public sealed class DashboardQuery
{
    public string? State { get; set; }
    public string? Center { get; set; }
    public string? Category { get; set; }
}

/// <summary>The filter applied, the choices offered, and what was asked for but not known (and so ignored).</summary>
public sealed record DashboardFilters(DashboardFilter Applied, IReadOnlyList<CenterChoice> Centers, IReadOnlyList<string> Ignored)
{
    public static IReadOnlyList<string> States => UsState.All;

    public static IReadOnlyList<string> Categories => NetworkDashboard.Categories;

    public string CenterName(Guid id) => Centers.FirstOrDefault(c => c.Id == id)?.Name ?? "(a removed center)";
}

public sealed record CenterChoice(Guid Id, string Name, string State);

public sealed record StageCount(TraineeStage? Stage, int Physicians);

public sealed record KeyCount(string Key, int Count);

/// <summary>
/// How many physicians are ready now, how many of them have a known registration date (<see cref="Timed"/>), and the
/// median days from registration to readiness over those.
/// </summary>
public sealed record TimeToReady(int Ready, int Timed, double? MedianDays);

public sealed record CenterUse(Guid CenterId, string Category, int Capacity, int Cases);

public sealed record AgentMonth(string Agent, int Year, int Month, int Logged, int Approved)
{
    public DateOnly FirstDay => new(Year, Month, 1);
}

public sealed record PhysicianFigures(IReadOnlyList<StageCount> Stages, IReadOnlyList<KeyCount> States, IReadOnlyList<KeyCount> Centers);

public sealed record ReadinessRow(
    string Name, string State, string? Centers, string? Stage, bool? Ready, DateOnly? ReadySince, string? CategoryStatuses, DateOnly? EvaluatedOn);

public sealed record CenterRow(
    string Name, string State, Regulator Regulator, string LicenseNumber, List<TherapyOffer> Therapies, int TraineeSlots, int CurrentTrainees, int Waitlisted);

public sealed record CenterAgentMonth(Guid CenterId, string Agent, int Year, int Month, int Logged, int Approved);

/// <summary>
/// The network dashboard's figures and the exports' rows, each aggregated in PostgreSQL from the readiness summaries the
/// engine keeps current (never a readiness rule of its own) and from placements, therapies and cases.
/// </summary>
public sealed class NetworkDashboard(AppDbContext db)
{
    private const string Accepted = nameof(PlacementStatus.Accepted);
    private const string Completed = nameof(PlacementStatus.Completed);
    private const string UnknownCategory = "not in the catalogue";

    /// <summary>Physicians in scope: by practice state, and by an accepted or completed placement at the chosen center.</summary>
    private const string PhysicianScope = $"""
        (@state IS NULL OR t.practice_state = @state)
        AND (@center IS NULL OR EXISTS (
            SELECT 1 FROM placements p
            WHERE p.trainee_id = t.id AND p.center_id = @center AND p.status IN ('{Accepted}', '{Completed}')))
        """;

    private static readonly Dictionary<string, string> CategoryOfAgent = RadiopharmaceuticalCatalogue.All
        .Where(agent => TherapyCategories.Of(agent.Name) is not null)
        .ToDictionary(agent => agent.Name, agent => TherapyCategories.Of(agent.Name)!.Label, StringComparer.Ordinal);

    /// <summary>The categories centers can offer supervised cases in, as the engine's classifier names them.</summary>
    public static IReadOnlyList<string> Categories { get; } =
        [.. TherapyCategories.Offerable.Select(agent => CategoryOfAgent[agent.Name]).Distinct().Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> AgentsIn(string category) =>
        [.. CategoryOfAgent.Where(pair => pair.Value == category).Select(pair => pair.Key)];

    public static string CategoryOf(string agent) => CategoryOfAgent.GetValueOrDefault(agent, UnknownCategory);

    public static string StageName(TraineeStage? stage) => stage switch
    {
        null => "Not yet evaluated",
        TraineeStage.InTraining => "In training",
        TraineeStage.CasesComplete => "Cases complete",
        _ => stage.Value.ToString(),
    };

    /// <summary>The last full calendar month before <paramref name="today"/>: its first day and the first day after it.</summary>
    public static (DateOnly From, DateOnly Before) LastFullMonth(DateOnly today)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        return (thisMonth.AddMonths(-1), thisMonth);
    }

    /// <summary>The first day of the twelve calendar months ending with the current one.</summary>
    public static DateOnly TwelveMonthsFrom(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(-11);

    /// <summary>Checks the filters asked for against known values; unknown values are ignored, each with a message saying so.</summary>
    public async Task<DashboardFilters> FiltersAsync(DashboardQuery query, CancellationToken ct)
    {
        var centers = await db.Centers.OrderBy(c => c.Name).Select(c => new CenterChoice(c.Id, c.Name, c.State)).ToListAsync(ct);
        var ignored = new List<string>();

        string? knownState = null;
        if (query.State?.Trim() is { Length: > 0 } state)
        {
            if (UsState.IsValid(state))
            {
                knownState = UsState.Normalize(state);
            }
            else
            {
                ignored.Add("The state asked for is not a US state code, so every state is shown.");
            }
        }

        Guid? knownCenter = null;
        if (!string.IsNullOrWhiteSpace(query.Center))
        {
            if (Guid.TryParse(query.Center, out var id) && centers.Exists(c => c.Id == id))
            {
                knownCenter = id;
            }
            else
            {
                ignored.Add("The center asked for is not in the network, so every center is shown.");
            }
        }

        string? knownCategory = null;
        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            if (Categories.Contains(query.Category))
            {
                knownCategory = query.Category;
            }
            else
            {
                ignored.Add("The category asked for is not one centers offer, so every category is shown.");
            }
        }

        var centerIds = knownState is null && knownCenter is null
            ? null
            : centers.Where(c => (knownState is null || c.State == knownState) && (knownCenter is null || c.Id == knownCenter))
                .Select(c => c.Id).ToList();
        return new DashboardFilters(new DashboardFilter(knownState, knownCenter, knownCategory, centerIds), centers, ignored);
    }

    /// <summary>
    /// Physicians by stage and by practice state (one pass over the physicians in scope, grouped two ways), and by center
    /// (from placements alone: a physician placed at two centers counts once at each).
    /// </summary>
    public async Task<PhysicianFigures> PhysiciansAsync(DashboardFilter filter, CancellationToken ct)
    {
        var groups = await db.Database.SqlQueryRaw<PhysicianGroup>($"""
            SELECT CASE WHEN GROUPING(s.stage) = 0 THEN 'stage' ELSE 'state' END AS dimension,
                   CASE WHEN GROUPING(s.stage) = 0 THEN s.stage ELSE t.practice_state::text END AS key,
                   count(*)::int AS physicians
            FROM trainees t
            LEFT JOIN readiness_summaries s ON s.trainee_id = t.id
            WHERE {PhysicianScope}
            GROUP BY GROUPING SETS ((s.stage), (t.practice_state))
            UNION ALL
            SELECT 'center', placed.center_id::text, count(*)::int
            FROM (
                SELECT DISTINCT p.center_id, p.trainee_id
                FROM placements p
                WHERE p.status IN ('{Accepted}', '{Completed}')
                  AND (@center IS NULL OR p.center_id = @center)
                  AND (@state IS NULL OR EXISTS (SELECT 1 FROM trainees t WHERE t.id = p.trainee_id AND t.practice_state = @state))
            ) placed
            GROUP BY placed.center_id
            """, Parameters(filter)).ToListAsync(ct);

        var stages = groups.Where(g => g.Dimension == "stage" && g.Key is not null).ToDictionary(g => Enum.Parse<TraineeStage>(g.Key!), g => g.Physicians);
        var notEvaluated = groups.SingleOrDefault(g => g.Dimension == "stage" && g.Key is null)?.Physicians ?? 0;
        return new PhysicianFigures(
            [new StageCount(null, notEvaluated), .. Enum.GetValues<TraineeStage>().Select(stage => new StageCount(stage, stages.GetValueOrDefault(stage)))],
            Counts(groups, "state"),
            Counts(groups, "center"));

        static List<KeyCount> Counts(List<PhysicianGroup> groups, string dimension) =>
            [.. groups.Where(g => g.Dimension == dimension).Select(g => new KeyCount(g.Key!, g.Physicians))];
    }

    /// <summary>
    /// The median days from registration to readiness of the physicians ready now. No column keeps the registration
    /// date; it is read from the physician's id, a version-7 UUID created at registration, which holds the time it was
    /// made in milliseconds since 1970 in its first 48 bits. Ids that are not version 7 (such as the demo network's)
    /// have no known registration date and are left out of the median.
    /// </summary>
    public async Task<TimeToReady> TimeToReadyAsync(DashboardFilter filter, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<TimeToReady>($"""
            WITH ready AS (
                SELECT s.ready_since,
                       CASE WHEN substr(t.id::text, 15, 1) = '7' AND substr(t.id::text, 20, 1) IN ('8', '9', 'a', 'b')
                            THEN (to_timestamp(('x' || substr(replace(t.id::text, '-', ''), 1, 12))::bit(48)::bigint / 1000.0)
                                  AT TIME ZONE 'UTC')::date
                       END AS registered_on
                FROM readiness_summaries s
                JOIN trainees t ON t.id = s.trainee_id
                WHERE s.ready AND {PhysicianScope}
            )
            SELECT count(*)::int AS ready,
                   count(*) FILTER (WHERE registered_on <= ready_since)::int AS timed,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY ready_since - registered_on)
                       FILTER (WHERE registered_on <= ready_since) AS median_days
            FROM ready
            """, Parameters(filter)).SingleAsync(ct);

    /// <summary>
    /// Monthly capacity against cases logged at each center in one calendar month, per category: the capacity of the
    /// center's therapies in the category, and its cases of any agent in the category.
    /// </summary>
    public async Task<IReadOnlyList<CenterUse>> UtilizationAsync(DashboardFilter filter, DateOnly from, DateOnly before, CancellationToken ct)
    {
        var therapies = db.CenterTherapies.AsQueryable();
        if (filter.CenterIds is { } centerIds)
        {
            therapies = therapies.Where(t => centerIds.Contains(t.CenterId));
        }

        if (filter.Agents is { } agents)
        {
            therapies = therapies.Where(t => agents.Contains(t.Agent));
        }

        var capacity = await therapies.Select(t => new { t.CenterId, t.Agent, t.MonthlyCaseCapacity }).ToListAsync(ct);
        var logged = await Tallies(filter).Where(t => t.Month >= from && t.Month < before)
            .GroupBy(t => new { t.CenterId, t.Agent })
            .Select(g => new { g.Key.CenterId, g.Key.Agent, Count = g.Sum(t => t.Logged) }).ToListAsync(ct);

        // Agents to categories is the engine's classifier, in memory: at most one row per center and agent reaches here.
        return [.. capacity.Select(t => (t.CenterId, Category: CategoryOf(t.Agent), Capacity: t.MonthlyCaseCapacity, Cases: 0))
            .Concat(logged.Select(c => (c.CenterId, Category: CategoryOf(c.Agent), Capacity: 0, Cases: c.Count)))
            .GroupBy(x => (x.CenterId, x.Category))
            .Select(g => new CenterUse(g.Key.CenterId, g.Key.Category, g.Sum(x => x.Capacity), g.Sum(x => x.Cases)))];
    }

    /// <summary>Cases logged and approved per agent and calendar month, administered from <paramref name="from"/> on.</summary>
    public async Task<IReadOnlyList<AgentMonth>> CasesPerAgentMonthAsync(DashboardFilter filter, DateOnly from, CancellationToken ct) =>
        await Tallies(filter).Where(t => t.Month >= from)
            .GroupBy(t => new { t.Agent, t.Month })
            .Select(g => new AgentMonth(g.Key.Agent, g.Key.Month.Year, g.Key.Month.Month, g.Sum(t => t.Logged), g.Sum(t => t.Approved)))
            .ToListAsync(ct);

    /// <summary>Waitlisted placements per center (center id as key).</summary>
    public async Task<IReadOnlyList<KeyCount>> WaitlistsAsync(DashboardFilter filter, CancellationToken ct)
    {
        var waitlisted = db.Placements.Where(p => p.Status == PlacementStatus.Waitlisted);
        if (filter.CenterIds is { } centerIds)
        {
            waitlisted = waitlisted.Where(p => centerIds.Contains(p.CenterId));
        }

        var counts = await waitlisted.GroupBy(p => p.CenterId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return [.. counts.Select(c => new KeyCount(c.Key.ToString(), c.Count))];
    }

    /// <summary>One row per physician in scope, with the engine's latest verdict (none when not yet evaluated).</summary>
    public async Task<IReadOnlyList<ReadinessRow>> ReadinessRowsAsync(DashboardFilter filter, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<ReadinessRow>($"""
            SELECT u.full_name AS name,
                   t.practice_state::text AS state,
                   (SELECT string_agg(DISTINCT ce.name, '; ' ORDER BY ce.name)
                    FROM placements p JOIN centers ce ON ce.id = p.center_id
                    WHERE p.trainee_id = t.id AND p.status IN ('{Accepted}', '{Completed}')) AS centers,
                   s.stage, s.ready, s.ready_since,
                   array_to_string(s.category_statuses, ' ') AS category_statuses,
                   s.evaluated_on
            FROM trainees t
            JOIN "AspNetUsers" u ON u.id = t.user_id
            LEFT JOIN readiness_summaries s ON s.trainee_id = t.id
            WHERE {PhysicianScope}
            ORDER BY u.full_name, t.id
            """, Parameters(filter)).ToListAsync(ct);

    /// <summary>Centers in scope (offering the category, when one is chosen) with their therapies and placements counted.</summary>
    public async Task<IReadOnlyList<CenterRow>> CenterRowsAsync(DashboardFilter filter, CancellationToken ct)
    {
        var centers = db.Centers.AsQueryable();
        if (filter.CenterIds is { } centerIds)
        {
            centers = centers.Where(c => centerIds.Contains(c.Id));
        }

        if (filter.Agents is { } agents)
        {
            centers = centers.Where(c => c.Therapies.Any(t => agents.Contains(t.Agent)));
        }

        return await centers.OrderBy(c => c.Name)
            .Select(c => new CenterRow(
                c.Name, c.State, c.Regulator, c.LicenseNumber,
                c.Therapies.OrderBy(t => t.Agent).Select(t => new TherapyOffer(t.Agent, t.MonthlyCaseCapacity)).ToList(),
                c.TraineeSlots,
                db.Placements.Count(p => p.CenterId == c.Id && p.Status == PlacementStatus.Accepted),
                db.Placements.Count(p => p.CenterId == c.Id && p.Status == PlacementStatus.Waitlisted)))
            .ToListAsync(ct);
    }

    /// <summary>Cases logged and approved per center, agent and calendar month, over the whole history.</summary>
    public async Task<IReadOnlyList<CenterAgentMonth>> CaseAggregatesAsync(DashboardFilter filter, CancellationToken ct) =>
        await Tallies(filter)
            .Select(t => new CenterAgentMonth(t.CenterId, t.Agent, t.Month.Year, t.Month.Month, t.Logged, t.Approved))
            .ToListAsync(ct);

    /// <summary>The case tallies in scope: exact counts kept by the database on every case write (<see cref="CaseMonthTally"/>).</summary>
    private IQueryable<CaseMonthTally> Tallies(DashboardFilter filter)
    {
        var tallies = db.CaseMonthTallies.Where(t => t.Logged > 0);
        if (filter.CenterIds is { } centerIds)
        {
            tallies = tallies.Where(t => centerIds.Contains(t.CenterId));
        }

        if (filter.Agents is { } agents)
        {
            tallies = tallies.Where(t => agents.Contains(t.Agent));
        }

        return tallies;
    }

    // Fresh parameters for every command: a parameter belongs to one command at a time.
    private static NpgsqlParameter[] Parameters(DashboardFilter filter) =>
    [
        new("state", NpgsqlDbType.Text) { Value = (object?)filter.State ?? DBNull.Value },
        new("center", NpgsqlDbType.Uuid) { Value = (object?)filter.CenterId ?? DBNull.Value },
    ];

    private sealed record PhysicianGroup(string Dimension, string? Key, int Physicians);
}
