using Serilog;
using Serilog.Context;
using Serilog.Formatting.Compact;

namespace TrainingNetwork.Web.Setup;

public static class LoggingSetup
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public static void AddTrainingNetworkLogging(this WebApplicationBuilder builder)
    {
        var readable = builder.Environment.IsDevelopment();
        // preserveStaticLogger: each host logs through its own logger, never the process-wide Log.Logger, which the last
        // host to start would own (several hosts share a test process; their sinks must not receive each other's events).
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
            if (readable)
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}{NewLine}{Exception}");
            }
            else
            {
                logger.WriteTo.Console(new CompactJsonFormatter());
            }
        });
    }

    /// <summary>
    /// Gives every request a correlation id (a caller's well-formed one, or the trace identifier), returns it in a
    /// header and attaches it to every log line, so a person quoting the id from an error page can be traced.
    /// Request logging records method, path without query, status and time only: never bodies or query values.
    /// </summary>
    public static void UseTrainingNetworkRequestLogging(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var offered = context.Request.Headers[CorrelationHeader].ToString();
            var correlationId = IsWellFormed(offered) ? offered : context.TraceIdentifier;
            context.TraceIdentifier = correlationId;
            context.Response.Headers[CorrelationHeader] = correlationId;
            using (LogContext.PushProperty("CorrelationId", correlationId))
            {
                await next(context);
            }
        });
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            // A readiness probe answering 503 during a database outage is expected news, not an error per probe.
            options.GetLevel = (context, _, exception) =>
                exception is not null ? Serilog.Events.LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/health")
                    ? context.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Warning : Serilog.Events.LogEventLevel.Verbose
                : context.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error : Serilog.Events.LogEventLevel.Information;
        });
    }

    private static bool IsWellFormed(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
