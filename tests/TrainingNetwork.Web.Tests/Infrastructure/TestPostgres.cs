using Npgsql;
using TrainingNetwork.Web.Setup;

namespace TrainingNetwork.Web.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server for the whole test run: the embedded cluster, or the server named by TN_TEST_PG
/// (an admin connection string). Every factory gets a database of its own on it.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<Task<string>> AdminConnectionString = new(StartAsync);

    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = await AdminConnectionString.Value;
        var name = $"tn_test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var admin = await AdminConnectionString.Value;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable("TN_TEST_PG");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return external;
        }

        var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(EmbeddedPostgres.NewTemporaryDirectory(), Persistent: false));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server.ConnectionString;
    }
}
