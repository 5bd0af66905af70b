using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Setup;

public static class HealthSetup
{
    private const string ReadyTag = "ready";
    private const string DatabaseCheck = "database";

    /// <summary>Readiness answers 503 within this time when the database does not answer, instead of waiting for the connect timeout.</summary>
    public static readonly TimeSpan DatabaseCheckTimeout = TimeSpan.FromSeconds(3);

    public static void AddTrainingNetworkHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>(DatabaseCheck, tags: [ReadyTag]);
        builder.Services.Configure<HealthCheckServiceOptions>(options =>
            options.Registrations.Single(r => r.Name == DatabaseCheck).Timeout = DatabaseCheckTimeout);
    }

    /// <summary>
    /// /health/live: the process answers, whatever its dependencies do (an outage must not get healthy processes
    /// restarted). /health/ready: it can also reach its database.
    /// </summary>
    public static void MapTrainingNetworkHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
    }
}
