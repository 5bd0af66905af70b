using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Data;

public sealed class DatabaseTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Model_has_no_changes_missing_a_migration()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: add a migration (dotnet ef migrations add <Name> --project src/TrainingNetwork.Web --output-dir Data/Migrations).");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Demo_network_has_centers_in_nrc_and_agreement_states_and_twenty_two_trainees()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Equal(8, await db.Centers.CountAsync());
        Assert.True(await db.Centers.AnyAsync(c => c.Regulator == Regulator.Nrc));
        Assert.True(await db.Centers.AnyAsync(c => c.Regulator == Regulator.AgreementState));
        Assert.Equal(22, await db.Trainees.CountAsync());
        Assert.True(await db.Cases.CountAsync() > 10);
    }

    [Fact]
    public async Task Seeding_twice_changes_nothing()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = (await db.Users.CountAsync(), await db.Centers.CountAsync(), await db.Cases.CountAsync());

        await scope.ServiceProvider.GetRequiredService<DemoNetworkSeeder>().SeedAsync();

        Assert.Equal(before, (await db.Users.CountAsync(), await db.Centers.CountAsync(), await db.Cases.CountAsync()));
    }

    [Fact]
    public async Task Instants_are_timestamptz_and_enums_are_text()
    {
        await using var connection = new Npgsql.NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'cases' AND column_name IN ('created_at', 'status')", connection);
        var types = new Dictionary<string, string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                types[reader.GetString(0)] = reader.GetString(1);
            }
        }

        Assert.Equal("timestamp with time zone", types["created_at"]);
        Assert.Equal("character varying", types["status"]);
    }

    [Fact]
    public async Task Clinical_records_cannot_be_deleted_from_under_their_cases()
    {
        await using var connection = new Npgsql.NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("DELETE FROM trainees WHERE id IN (SELECT trainee_id FROM cases)", connection);

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal("23503", error.SqlState);
    }
}
