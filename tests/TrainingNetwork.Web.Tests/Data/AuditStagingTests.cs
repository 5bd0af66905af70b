using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Data;

/// <summary>How staged audit entries are chained by a save: several per save, none on a failed save, all on its retry.</summary>
public sealed class AuditStagingTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Several_entries_staged_for_one_save_get_consecutive_sequences_and_an_intact_chain()
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Audit(null, AuditAction.RecordsImported, "test", "a", null, new { n = 1 }, "first");
            db.Audit(null, AuditAction.RecordsImported, "test", "b", null, new { n = 2 }, "second");
            db.Audit(null, AuditAction.RecordsImported, "test", "c", null, new { n = 3 }, "third");
            await db.SaveChangesAsync();
        }

        var entries = await EntriesAsync();
        Assert.Equal(["first", "second", "third"], entries.TakeLast(3).Select(e => e.Summary));
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.True(AuditChain.Verify(entries).Intact);
    }

    [Fact]
    public async Task A_failed_save_writes_no_entry_and_its_retry_chains_the_entry_after_the_head_of_that_moment()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var membership = await db.CenterMemberships.AsNoTracking().FirstAsync();
        db.CenterMemberships.Add(new CenterMembership(Guid.NewGuid(), membership.CenterId, membership.UserId, membership.Role));
        db.Audit(null, AuditAction.RoleGranted, "test", "duplicate", null, null, "the membership that cannot be saved");

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.DoesNotContain(await EntriesAsync(), e => e.SubjectId == "duplicate");

        await using (var other = portal.Services.CreateAsyncScope())
        {
            var otherDb = other.ServiceProvider.GetRequiredService<AppDbContext>();
            otherDb.Audit(null, AuditAction.RecordsImported, "test", "meanwhile", null, null, "written in between");
            await otherDb.SaveChangesAsync();
        }

        db.ChangeTracker.Entries<CenterMembership>().Single(e => e.State == EntityState.Added).State = EntityState.Detached;
        await db.SaveChangesAsync();

        var entries = await EntriesAsync();
        Assert.Equal(["meanwhile", "duplicate"], entries.TakeLast(2).Select(e => e.SubjectId));
        Assert.True(AuditChain.Verify(entries).Intact);
    }

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync();
    }
}
