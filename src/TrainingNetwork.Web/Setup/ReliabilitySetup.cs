using Serilog.Core;

namespace TrainingNetwork.Web.Setup;

/// <summary>A database outage answers 503 with Retry-After, quickly and without stack-trace floods (docs/reliability.md).</summary>
public static class ReliabilitySetup
{
    public static void AddTrainingNetworkReliability(this WebApplicationBuilder builder)
    {
        // Consulted by UseExceptionHandler before it re-executes /Error, which would need the database again.
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        // LoggingSetup's ReadFrom.Services applies every registered Serilog filter.
        builder.Services.AddSingleton<ILogEventFilter, OutageLogFilter>();
    }
}
