using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace TrainingNetwork.Web.Data;

/// <summary>
/// How the portal talks to PostgreSQL. There is deliberately no retrying execution strategy: a retry after a commit
/// whose outcome is unknown could write twice; an outage answers 503 instead, and idempotency keys make the person's
/// retry safe (docs/reliability.md).
/// </summary>
public static class DatabaseOptions
{
    public const string ConnectionStringName = "TrainingNetwork";

    /// <summary>Npgsql waits 15 s for a connection by default; during an outage a request must fail within 5 s.</summary>
    public const int ConnectTimeoutSeconds = 5;

    public static DbContextOptionsBuilder UseTrainingNetworkDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(Tuned(connectionString)).UseSnakeCaseNamingConvention();

    /// <summary>
    /// The connection string with the portal's defaults for what it does not set itself: <see cref="ConnectTimeoutSeconds"/>;
    /// statements used more than once on a connection kept prepared (a page runs the same dozen queries every time); and
    /// no DISCARD ALL when a connection goes back to the pool, which would throw those prepared statements away. The
    /// portal keeps no session state on a connection beyond advisory locks, which it always unlocks itself
    /// (docs/decisions/0014-performance-and-scale-out.md).
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Timeout"))
        {
            tuned.Timeout = ConnectTimeoutSeconds;
        }

        if (!given.ContainsKey("Max Auto Prepare"))
        {
            tuned.MaxAutoPrepare = 100;
        }

        if (!given.ContainsKey("No Reset On Close"))
        {
            tuned.NoResetOnClose = true;
        }

        return tuned.ConnectionString;
    }
}

/// <summary>Lets `dotnet ef` build the model without starting the app or reaching a database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseTrainingNetworkDatabase("Host=localhost;Database=design_time");
        return new AppDbContext(options.Options, TimeProvider.System);
    }
}
