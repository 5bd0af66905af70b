using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Data;

/// <summary>A record loaded in a batch with every other physician is the record loaded alone.</summary>
public sealed class TraineeRecordLoaderTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Batch_records_equal_records_loaded_one_at_a_time()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ids = await db.Trainees.Select(t => t.Id).ToListAsync();

        var batch = await new TraineeRecordLoader(db).LoadManyAsync([.. ids, Guid.NewGuid()], today);

        Assert.Equal(ids.Order(), batch.Keys.Order());
        Assert.Contains(batch.Values, record => record.Cases.Count > 0 && record.Preceptors.Count > 0);
        foreach (var id in ids)
        {
            var alone = await new TraineeRecordLoader(db).LoadAsync(id, today);
            Assert.Equal(TraineeRecordJsonWriter.Serialize(alone!), TraineeRecordJsonWriter.Serialize(batch[id]));
        }
    }
}
