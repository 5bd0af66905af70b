using System.Diagnostics;

namespace FaultTest;

/// <summary>Probes /health/live and /health/ready once a second, as an orchestrator would.</summary>
internal sealed class HealthProbe(FaultRunOptions options, Ledger ledger) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = options.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };

    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        do
        {
            await Task.WhenAll(ProbeAsync("live", stop), ProbeAsync("ready", stop));
        }
        while (await Wait(timer, stop));
    }

    /// <summary>The current readiness status (0 for no answer).</summary>
    public async Task<int> ReadyAsync(CancellationToken ct)
    {
        try
        {
            return (int)(await _client.GetAsync("/health/ready", ct)).StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    private async Task ProbeAsync(string which, CancellationToken stop)
    {
        var at = RunClock.Now;
        var start = Stopwatch.GetTimestamp();
        int status;
        try
        {
            status = (int)(await _client.GetAsync($"/health/{which}", stop)).StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException { InnerException: TimeoutException })
        {
            status = 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return;
        }

        ledger.Probes.Enqueue(new Exchange(at, which, status, Stopwatch.GetElapsedTime(start).TotalSeconds, false));
    }

    private static async Task<bool> Wait(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>Stops and starts PostgreSQL at the scheduled moments, through the pg-control script.</summary>
internal static class FaultSchedule
{
    public static async Task RunAsync(FaultRunOptions options, Ledger ledger, CancellationToken stop)
    {
        foreach (var fault in options.Faults)
        {
            var wait = fault.At - TimeSpan.FromSeconds(RunClock.Now);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, stop);
            }

            var at = RunClock.Now;
            using var process = Process.Start("bash", [options.PgControl, fault.Action]);
            await process.WaitForExitAsync(CancellationToken.None);
            ledger.Faults.Enqueue((at, fault.Action, process.ExitCode));
            Console.WriteLine($"[{at,6:F1} s] pg-control {fault.Action}: exit code {process.ExitCode}");
        }
    }
}
