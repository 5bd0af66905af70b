using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Matching;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Cases;

namespace TrainingNetwork.Web.Tests.Pages.Coordination;

/// <summary>Setting up and reading the database directly for the capacity, repeat-claims and completion tests.</summary>
internal static class CoordinationDb
{
    /// <summary>Changes the database as <paramref name="change"/> says and saves.</summary>
    public static async Task ChangeAsync(this PortalFactory portal, Func<AppDbContext, Task> change)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }

    public static Task<Guid> TraineeIdAsync(this PortalFactory portal, string email) =>
        portal.QueryAsync(db => db.Trainees.Where(t => db.Users.Any(u => u.Id == t.UserId && u.Email == email)).Select(t => t.Id).SingleAsync());

    /// <summary>Puts the physician on the waitlist for <paramref name="category"/> in the region of their practice state.</summary>
    public static async Task<Guid> JoinWaitlistAsync(this PortalFactory portal, string email, string category)
    {
        var traineeId = await portal.TraineeIdAsync(email);
        var id = Guid.NewGuid();
        await portal.ChangeAsync(async db =>
        {
            var state = await db.Trainees.Where(t => t.Id == traineeId).Select(t => t.PracticeState).SingleAsync();
            db.WaitlistEntries.Add(new WaitlistEntry(id, traineeId, state, UsRegion.Of(state), category, DateTimeOffset.UtcNow.AddDays(-1)));
        });
        return id;
    }

    public static Task<WaitlistEntry> WaitlistEntryAsync(this PortalFactory portal, Guid id) =>
        portal.QueryAsync(db => db.WaitlistEntries.AsNoTracking().SingleAsync(e => e.Id == id));

    public static Task<List<AuditEntry>> AuditOfAsync(this PortalFactory portal, AuditAction action) =>
        portal.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Sequence).ToListAsync());

    public static Task<Center> CenterWithCapacitiesAsync(this PortalFactory portal, string name) =>
        portal.QueryAsync(db => db.Centers.AsNoTracking().Include(c => c.Capacities).SingleAsync(c => c.Name == name));
}
