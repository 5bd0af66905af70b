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
        options.UseNpgsql(WithConnectTimeout(connectionString)).UseSnakeCaseNamingConvention();

    /// <summary>The connection string with <see cref="ConnectTimeoutSeconds"/>, unless it sets a Timeout of its own.</summary>
    public static string WithConnectTimeout(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.ContainsKey("Timeout")
            ? connectionString
            : new NpgsqlConnectionStringBuilder(connectionString) { Timeout = ConnectTimeoutSeconds }.ConnectionString;
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
