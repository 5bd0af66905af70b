using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TrainingNetwork.Web.Data;

public static class DatabaseOptions
{
    public const string ConnectionStringName = "TrainingNetwork";

    public static DbContextOptionsBuilder UseTrainingNetworkDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();
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
