using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Data;

/// <summary>The case tallies the dashboards read always equal a count over the cases, whatever is written.</summary>
public sealed class CaseMonthTallyTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Seeded_tallies_equal_the_cases_counted()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var (tallies, counted) = await BothAsync(db);

        Assert.NotEmpty(counted);
        Assert.Equal(counted, tallies);
    }

    [Fact]
    public async Task Approving_moving_adding_and_deleting_cases_keeps_the_tallies_exact()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = await db.Cases.OrderBy(c => c.Id).Select(c => c.Id).Take(3).ToListAsync();
        var otherCenter = await db.Centers.OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync();

        await db.Database.ExecuteSqlAsync($"UPDATE cases SET status = CASE WHEN status = 'Approved' THEN 'Returned' ELSE 'Approved' END WHERE id = {ids[0]}");
        await db.Database.ExecuteSqlAsync($"UPDATE cases SET administered_on = administered_on - 400, radiopharmaceutical = 'Ra-223 dichloride (Xofigo)' WHERE id = {ids[1]}");
        await db.Database.ExecuteSqlAsync($"UPDATE cases SET center_id = {otherCenter} WHERE id = {ids[2]}");
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO cases (id, trainee_id, center_id, supervisor_user_id, administered_on, radiopharmaceutical, nuclide, route,
                               activity_mbq, written_directive_required, personal_participation, status, created_at, version)
            SELECT gen_random_uuid(), trainee_id, center_id, supervisor_user_id, DATE '2031-02-14', radiopharmaceutical, nuclide, route,
                   activity_mbq, written_directive_required, personal_participation, 'Approved', now(), 0
            FROM cases ORDER BY id LIMIT 3
            """);
        // Logged cases keep an append-only history, so the case deleted is one just added without any.
        await db.Database.ExecuteSqlRawAsync("DELETE FROM cases WHERE id = (SELECT id FROM cases WHERE administered_on = DATE '2031-02-14' ORDER BY id LIMIT 1)");

        var (tallies, counted) = await BothAsync(db);

        Assert.Equal(counted, tallies);
        Assert.Equal(2, tallies.Where(t => t.Month == new DateOnly(2031, 2, 1)).Sum(t => t.Approved));
    }

    /// <summary>The tallies with a count (emptied rows stay at zero) and the same figures counted from the cases.</summary>
    private static async Task<(List<TallyRow> Tallies, List<TallyRow> Counted)> BothAsync(AppDbContext db)
    {
        var tallies = await db.CaseMonthTallies.Where(t => t.Logged > 0)
            .Select(t => new TallyRow(t.CenterId, t.Agent, t.Month, t.Logged, t.Approved)).ToListAsync();
        var counted = await db.Database.SqlQuery<TallyRow>($"""
            SELECT center_id, radiopharmaceutical AS agent, date_trunc('month', administered_on)::date AS month,
                   count(*)::int AS logged, count(*) FILTER (WHERE status = 'Approved')::int AS approved
            FROM cases GROUP BY 1, 2, 3
            """).ToListAsync();
        return (Sorted(tallies), Sorted(counted));

        static List<TallyRow> Sorted(List<TallyRow> rows) =>
            [.. rows.OrderBy(r => r.CenterId).ThenBy(r => r.Agent, StringComparer.Ordinal).ThenBy(r => r.Month)];
    }

    private sealed record TallyRow(Guid CenterId, string Agent, DateOnly Month, int Logged, int Approved);
}
