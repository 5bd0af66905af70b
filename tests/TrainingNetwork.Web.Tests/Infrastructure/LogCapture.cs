using Serilog.Core;
using Serilog.Events;

namespace TrainingNetwork.Web.Tests.Infrastructure;

/// <summary>A Serilog sink that keeps what the portal logs, for tests of what is (and is never) written.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly List<LogEvent> _events = [];

    public IReadOnlyList<LogEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Each event as one line of text: its message, every property and the exception, if any.</summary>
    public IReadOnlyList<string> Lines =>
        [.. Events.Select(e => e.RenderMessage() + " " + string.Join(" ", e.Properties.Select(p => $"{p.Key}={p.Value}")) + " " + e.Exception)];

    public void Clear()
    {
        lock (_events)
        {
            _events.Clear();
        }
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_events)
        {
            _events.Add(logEvent);
        }
    }
}
