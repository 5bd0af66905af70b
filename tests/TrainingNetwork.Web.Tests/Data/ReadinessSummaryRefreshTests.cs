using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Data;

/// <summary>Readiness summaries follow the engine: after every save that changes evidence, and in the sweep for the passing of time.</summary>
public sealed class ReadinessSummaryRefreshTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_seeded_physician_has_todays_summary_equal_to_the_engines_verdict()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var loader = scope.ServiceProvider.GetRequiredService<TraineeRecordLoader>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var traineeIds = await db.Trainees.Select(t => t.Id).ToListAsync();
        var summaries = await db.ReadinessSummaries.AsNoTracking().ToDictionaryAsync(s => s.TraineeId);

        Assert.NotEmpty(traineeIds);
        foreach (var id in traineeIds)
        {
            var summary = summaries[id];
            var result = ReadinessEngine.Evaluate((await loader.LoadAsync(id, today))!);
            Assert.Equal(today, summary.EvaluatedOn);
            Assert.Equal(result.Cases.Count(c => c.Counts), summary.CountedCases);
            Assert.Equal(result.Categories.Sum(c => c.Unmet.Count), summary.UnmetFindings);
        }
    }

    [Fact]
    public async Task Approving_a_case_refreshes_the_physicians_summary()
    {
        Guid traineeId;
        int countedBefore;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var waiting = await db.Cases.Where(c => c.Status == CaseStatus.Submitted).OrderBy(c => c.Id).FirstAsync();
            traineeId = waiting.TraineeId;
            countedBefore = await db.ReadinessSummaries.Where(s => s.TraineeId == traineeId).Select(s => s.CountedCases).SingleAsync();

            waiting.Approve(waiting.SupervisorUserId, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var after = await SummaryAsync(traineeId);
        Assert.Equal(countedBefore + 1, after.CountedCases);
    }

    [Fact]
    public async Task A_change_to_a_preceptor_refreshes_the_physicians_they_supervised()
    {
        string preceptorId;
        List<Guid> supervised;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            preceptorId = await db.Cases.Select(c => c.SupervisorUserId).OrderBy(id => id).FirstAsync();
            supervised = await db.Cases.Where(c => c.SupervisorUserId == preceptorId).Select(c => c.TraineeId).Distinct().ToListAsync();
            await db.ReadinessSummaries.Where(s => supervised.Contains(s.TraineeId)).ExecuteDeleteAsync();

            var membership = await db.CenterMemberships.FirstAsync(m => m.UserId == preceptorId);
            membership.SetResidencyProgramDirector(true);
            await db.SaveChangesAsync();
        }

        foreach (var traineeId in supervised)
        {
            Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), (await SummaryAsync(traineeId)).EvaluatedOn);
        }
    }

    [Fact]
    public async Task The_sweep_refreshes_missing_and_outdated_summaries_and_then_has_nothing_to_do()
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var ids = await db.Trainees.OrderBy(t => t.Id).Select(t => t.Id).Take(4).ToListAsync();
            await db.ReadinessSummaries.Where(s => s.TraineeId == ids[0]).ExecuteDeleteAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE readiness_summaries SET evaluated_on = evaluated_on - 1 WHERE trainee_id = {ids[1]}");
            await db.Database.ExecuteSqlAsync($"UPDATE readiness_summaries SET engine_version = '0.9.0' WHERE trainee_id = {ids[2]}");
        }

        var sweep = portal.Services.GetRequiredService<ReadinessSummarySweep>();

        Assert.Equal(3, await sweep.SweepAsync(CancellationToken.None));
        Assert.Equal(0, await sweep.SweepAsync(CancellationToken.None));
        await using var check = portal.Services.CreateAsyncScope();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Empty(await check.ServiceProvider.GetRequiredService<AppDbContext>().StaleTrainees(today).ToListAsync());
    }

    [Fact]
    public async Task A_refresh_from_a_summary_read_before_another_refresh_reads_again_instead_of_overwriting_it()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var traineeId = await db.Cases.Where(c => c.Status == CaseStatus.Submitted).OrderBy(c => c.Id).Select(c => c.TraineeId).FirstAsync();
        var stale = await db.ReadinessSummaries.SingleAsync(s => s.TraineeId == traineeId);
        var versionRead = stale.Version;
        var countedRead = stale.CountedCases;

        // Meanwhile, elsewhere: a case is approved and the summary refreshed.
        await using (var other = portal.Services.CreateAsyncScope())
        {
            var otherDb = other.ServiceProvider.GetRequiredService<AppDbContext>();
            var waiting = await otherDb.Cases.Where(c => c.TraineeId == traineeId && c.Status == CaseStatus.Submitted).OrderBy(c => c.Id).FirstAsync();
            waiting.Approve(waiting.SupervisorUserId, DateTimeOffset.UtcNow);
            await otherDb.SaveChangesAsync();
        }

        // This context still holds the summary as it was read; its refresh must not write over the newer one.
        Assert.Equal(1, await ReadinessSummaries.RefreshAsync(db, [traineeId], today, CancellationToken.None));

        var saved = await SummaryAsync(traineeId);
        Assert.Equal(versionRead + 2, saved.Version);
        Assert.Equal(countedRead + 1, saved.CountedCases);
    }

    private async Task<ReadinessSummary> SummaryAsync(Guid traineeId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ReadinessSummaries.AsNoTracking().SingleAsync(s => s.TraineeId == traineeId);
    }
}
