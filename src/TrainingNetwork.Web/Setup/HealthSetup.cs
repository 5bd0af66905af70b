using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Setup;

public static class HealthSetup
{
    private const string ReadyTag = "ready";

    public static void AddTrainingNetworkHealthChecks(this WebApplicationBuilder builder) =>
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: [ReadyTag]);

    /// <summary>/health/live: the process answers. /health/ready: it can also reach its database.</summary>
    public static void MapTrainingNetworkHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
    }
}
