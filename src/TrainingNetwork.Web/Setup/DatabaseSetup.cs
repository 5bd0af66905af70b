using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Setup;

public static class DatabaseSetup
{
    private const string EmbeddedDatabaseName = "trainingnetwork";

    /// <summary>
    /// Uses ConnectionStrings:TrainingNetwork when set. In Development without one, starts the embedded PostgreSQL
    /// cluster kept in the user's application-data folder, so `dotnet run` works on a fresh machine.
    /// </summary>
    public static async Task AddTrainingNetworkDatabaseAsync(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (!builder.Environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    $"No database configured. Set ConnectionStrings:{DatabaseOptions.ConnectionStringName} " +
                    $"(environment variable ConnectionStrings__{DatabaseOptions.ConnectionStringName}).");
            }

            var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(EmbeddedPostgres.DefaultAppDataDirectory(), Persistent: true));
            builder.Services.AddSingleton(server);
            await server.EnsureDatabaseAsync(EmbeddedDatabaseName);
            connectionString = server.ConnectionStringFor(EmbeddedDatabaseName);
            Console.WriteLine($"Embedded PostgreSQL on 127.0.0.1:{server.Port}, data in {server.DataDirectory}");
        }

        builder.Services.AddDbContext<AppDbContext>(options => options.UseTrainingNetworkDatabase(connectionString));
    }

    /// <summary>Development applies migrations at startup; production runs them as a deploy step (docs/operations.md).</summary>
    public static async Task PrepareTrainingNetworkDatabaseAsync(this WebApplication app)
    {
        var embedded = app.Services.GetService<EmbeddedPostgres>();
        if (embedded is not null)
        {
            app.Lifetime.ApplicationStopped.Register(() => embedded.DisposeAsync().AsTask().GetAwaiter().GetResult());
        }

        await using var scope = app.Services.CreateAsyncScope();
        if (app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
        }

        if (app.Configuration.GetValue<bool>("DemoData:Seed") && app.Environment.IsDevelopment())
        {
            await scope.ServiceProvider.GetRequiredService<DemoNetworkSeeder>().SeedAsync();
        }
    }
}
