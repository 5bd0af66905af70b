using Npgsql;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Data;

/// <summary>Requirement 37: signed records are never updated or deleted, whatever the application (or its role) tries.</summary>
public sealed class SignedRecordsAppendOnlyTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("UPDATE attestations SET meaning = 'changed'")]
    [InlineData("DELETE FROM attestations")]
    [InlineData("UPDATE case_events SET note = 'changed'")]
    [InlineData("DELETE FROM case_events")]
    [InlineData("TRUNCATE attestations CASCADE")]
    public async Task Changing_a_signed_record_is_refused_by_the_database(string sql)
    {
        var before = await CountAsync("SELECT count(*) FROM attestations") + await CountAsync("SELECT count(*) FROM case_events");
        Assert.True(await CountAsync("SELECT count(*) FROM case_events") > 0, "the demo network has case history");

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        Assert.Equal(before, await CountAsync("SELECT count(*) FROM attestations") + await CountAsync("SELECT count(*) FROM case_events"));
    }

    private async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
