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
    [InlineData("UPDATE cases SET note = 'changed' WHERE status = 'Approved'")]
    [InlineData("DELETE FROM cases WHERE status = 'Approved'")]
    public async Task Changing_a_signed_record_is_refused_by_the_database(string sql)
    {
        var before = await CountAsync("SELECT count(*) FROM attestations") + await CountAsync("SELECT count(*) FROM case_events");
        Assert.True(await CountAsync("SELECT count(*) FROM cases WHERE status = 'Approved'") > 0, "the demo network has approved cases");

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        Assert.Equal(before, await CountAsync("SELECT count(*) FROM attestations") + await CountAsync("SELECT count(*) FROM case_events"));
    }

    [Fact]
    public async Task A_case_that_is_not_yet_approved_can_still_be_edited()
    {
        var changed = await ExecuteAsync("UPDATE cases SET note = 'edited draft' WHERE status <> 'Approved'");

        Assert.True(changed > 0);
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
