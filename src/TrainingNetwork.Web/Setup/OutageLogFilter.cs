using Microsoft.EntityFrameworkCore;
using Serilog.Core;
using Serilog.Events;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Setup;

/// <summary>
/// Inside a request, drops the error events that only repeat a failure the request reports anyway: those carrying a
/// database-unavailable exception (EF Core's, the request log's), which <see cref="DatabaseUnavailableHandler"/> logs
/// once as a warning with the correlation id, and EF Core's "error using the connection", whose exception always
/// reaches that handler or the exception handler's own log. An outage then leaves one line per request, not several
/// stack traces. Events outside requests (the readiness sweep) are kept.
/// </summary>
internal sealed class OutageLogFilter : ILogEventFilter
{
    private static readonly ScalarValue ConnectionCategory = new(DbLoggerCategory.Database.Connection.Name);

    public bool IsEnabled(LogEvent logEvent) =>
        !logEvent.Properties.ContainsKey("RequestId")
        || !(logEvent.Exception?.IsDatabaseUnavailable() == true || IsConnectionError(logEvent));

    private static bool IsConnectionError(LogEvent logEvent) =>
        logEvent.Level == LogEventLevel.Error
        && logEvent.Properties.TryGetValue("SourceContext", out var source) && source.Equals(ConnectionCategory);
}
