using System.Globalization;

namespace LoadHarness;

/// <summary>Samples the resident memory (VmRSS in /proc/PID/status) of the server processes every 200 ms and keeps the peaks.</summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private readonly IReadOnlyList<int> _pids;
    private readonly double[] _peaks;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RssSampler(IReadOnlyList<int> pids)
    {
        _pids = pids;
        _peaks = new double[pids.Count];
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Current resident memory in MB, or null when the process is gone or unreadable.</summary>
    public static double? ResidentMb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Starts a new peak (at the start of a scenario).</summary>
    public void Reset()
    {
        lock (_peaks)
        {
            Array.Clear(_peaks);
            Sample();
        }
    }

    /// <summary>The peak of each pid since the last <see cref="Reset"/>, sampled once more now.</summary>
    public Dictionary<int, double> Peaks(IEnumerable<int> pids)
    {
        lock (_peaks)
        {
            Sample();
            return pids.ToDictionary(pid => pid, pid => Math.Round(_peaks[IndexOf(pid)], 1));
        }
    }

    private int IndexOf(int pid)
    {
        for (var i = 0; i < _pids.Count; i++)
        {
            if (_pids[i] == pid)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(pid), pid, "Not a sampled pid.");
    }

    private void Sample()
    {
        for (var i = 0; i < _pids.Count; i++)
        {
            if (ResidentMb(_pids[i]) is { } mb && mb > _peaks[i])
            {
                _peaks[i] = mb;
            }
        }
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                lock (_peaks)
                {
                    Sample();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
