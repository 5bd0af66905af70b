using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TrainingNetwork.Web.Setup;
using Xunit.Abstractions;

namespace TrainingNetwork.Web.Tests.Setup;

public sealed class EmbeddedPostgresTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Temporary_cluster_answers_queries_and_creates_databases()
    {
        await using var server = await StartTimedAsync(new(EmbeddedPostgres.NewTemporaryDirectory(), Persistent: false));

        var version = await ScalarAsync<string>(server.ConnectionString, "select version()");
        Assert.StartsWith("PostgreSQL", version, StringComparison.Ordinal);

        await ExecuteAsync(server.ConnectionString, "create database tn_embedded_test");
        Assert.Equal("tn_embedded_test", await ScalarAsync<string>(server.ConnectionStringFor("tn_embedded_test"), "select current_database()"));
    }

    [Fact]
    public async Task Ensuring_a_database_creates_it_once()
    {
        await using var server = await StartTimedAsync(new(EmbeddedPostgres.NewTemporaryDirectory(), Persistent: false));

        await server.EnsureDatabaseAsync("tn-app");
        await server.EnsureDatabaseAsync("tn-app");

        Assert.Equal(1L, await ScalarAsync<long>(server.ConnectionString, "select count(*) from pg_database where datname = 'tn-app'"));
    }

    [Fact]
    public async Task Disposing_a_temporary_cluster_deletes_its_folder()
    {
        var server = await StartTimedAsync(new(EmbeddedPostgres.NewTemporaryDirectory(), Persistent: false));
        Assert.True(File.Exists(Path.Combine(server.DataDirectory, "owner.pid")));

        await server.DisposeAsync();

        Assert.False(Directory.Exists(server.DataDirectory));
        await AssertNotListeningAsync(server.ConnectionString);
    }

    [Fact]
    public async Task Persistent_cluster_keeps_data_across_restarts()
    {
        var directory = EmbeddedPostgres.NewTemporaryDirectory();
        try
        {
            await using (var first = await StartTimedAsync(new(directory, Persistent: true)))
            {
                await ExecuteAsync(first.ConnectionString, "create table kept (name text); insert into kept values ('survives')");
            }

            Assert.True(Directory.Exists(directory));

            await using var second = await StartTimedAsync(new(directory, Persistent: true));
            Assert.Equal("survives", await ScalarAsync<string>(second.ConnectionString, "select name from kept"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Persistent_cluster_left_running_by_a_killed_app_is_restarted()
    {
        var directory = EmbeddedPostgres.NewTemporaryDirectory();
        try
        {
            // Never disposed: stands for an app that was killed while its cluster ran.
            var abandoned = await StartTimedAsync(new(directory, Persistent: true));
            await ExecuteAsync(abandoned.ConnectionString, "create table kept (name text); insert into kept values ('survives')");

            await using var restarted = await StartTimedAsync(new(directory, Persistent: true));

            Assert.Equal("survives", await ScalarAsync<string>(restarted.ConnectionString, "select name from kept"));
            await AssertNotListeningAsync(abandoned.ConnectionString);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Orphaned_temporary_cluster_is_swept_by_the_next_start()
    {
        var orphan = await StartTimedAsync(new(EmbeddedPostgres.NewTemporaryDirectory(), Persistent: false));
        try
        {
            await File.WriteAllTextAsync(Path.Combine(orphan.DataDirectory, "owner.pid"), DeadProcessId().ToString(CultureInfo.InvariantCulture));

            await using var next = await StartTimedAsync(new(EmbeddedPostgres.NewTemporaryDirectory(), Persistent: false));

            Assert.False(Directory.Exists(orphan.DataDirectory));
            await AssertNotListeningAsync(orphan.ConnectionString);
        }
        finally
        {
            await orphan.DisposeAsync();
        }
    }

    [Fact]
    public async Task Missing_binaries_raise_a_clear_exception()
    {
        var nowhere = Path.Combine(Path.GetTempPath(), "tn-no-postgres-here");

        var ex = await Assert.ThrowsAsync<PostgresBinariesNotFoundException>(() =>
            EmbeddedPostgres.StartAsync(new(Path.Combine(Path.GetTempPath(), "tn-never-created"), Persistent: false), [nowhere], CancellationToken.None));

        Assert.Contains(nowhere, ex.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install postgresql", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:TrainingNetwork", ex.Message, StringComparison.Ordinal);
    }

    private async Task<EmbeddedPostgres> StartTimedAsync(EmbeddedPostgresOptions options)
    {
        var stopwatch = Stopwatch.StartNew();
        var server = await EmbeddedPostgres.StartAsync(options);
        output.WriteLine($"Started {(options.Persistent ? "persistent" : "temporary")} cluster on port {server.Port} in {stopwatch.ElapsedMilliseconds} ms");
        return server;
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start("true");
        process.WaitForExit();
        return process.Id;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task AssertNotListeningAsync(string connectionString) =>
        await Assert.ThrowsAnyAsync<NpgsqlException>(async () => await (await OpenAsync(connectionString)).DisposeAsync());

    // Unpooled so that no idle connection outlives the cluster it points at.
    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
