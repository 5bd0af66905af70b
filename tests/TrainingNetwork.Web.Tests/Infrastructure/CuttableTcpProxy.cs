using System.Net;
using System.Net.Sockets;

namespace TrainingNetwork.Web.Tests.Infrastructure;

/// <summary>
/// A TCP forwarder on a loopback port that a test can cut, as a database outage would: every open connection is
/// reset and new ones are refused until <see cref="Restore"/>. <see cref="CutAfterNextCommit"/> cuts at the worst
/// moment: the database commits, but the answer never reaches the portal.
/// </summary>
public sealed class CuttableTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly List<Socket> _open = [];
    private readonly Task _accepting;
    private bool _cut;
    private volatile bool _cutAfterCommit;

    public CuttableTcpProxy(string targetHost, int targetPort)
    {
        _target = new IPEndPoint(Dns.GetHostAddresses(targetHost).First(a => a.AddressFamily == AddressFamily.InterNetwork), targetPort);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Cut()
    {
        lock (_lock)
        {
            _cut = true;
            foreach (var socket in _open)
            {
                Reset(socket);
            }

            _open.Clear();
        }
    }

    /// <summary>Lets the next COMMIT through to the database, then cuts before its reply is passed back.</summary>
    public void CutAfterNextCommit() => _cutAfterCommit = true;

    public void Restore()
    {
        lock (_lock)
        {
            _cut = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        lock (_lock)
        {
            if (_cut)
            {
                Reset(client);
                server.Dispose();
                return;
            }

            _open.Add(client);
            _open.Add(server);
        }

        try
        {
            await server.ConnectAsync(_target, _stopping.Token);
            var commitSent = false;
            // When either direction ends, close both, as a dropped connection would.
            await Task.WhenAny(
                PumpAsync(client, server, sent =>
                {
                    // The query text ends with NUL: "BEGIN … READ COMMITTED" is not a commit.
                    commitSent |= _cutAfterCommit && sent.Span.IndexOf("COMMIT\0"u8) >= 0;
                    return true;
                }),
                PumpAsync(server, client, _ => !commitSent || CutInsteadOfReplying()));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            lock (_lock)
            {
                _open.Remove(client);
                _open.Remove(server);
            }

            Reset(client);
            Reset(server);
        }
    }

    private bool CutInsteadOfReplying()
    {
        _cutAfterCommit = false;
        Cut();
        return false;
    }

    /// <summary>Copies until either side closes or <paramref name="forward"/> says not to pass a chunk on.</summary>
    private async Task PumpAsync(Socket from, Socket to, Func<ReadOnlyMemory<byte>, bool> forward)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, _stopping.Token)) > 0 && forward(buffer.AsMemory(0, read)))
            {
                await to.SendAsync(buffer.AsMemory(0, read), _stopping.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Closes with a reset (linger 0), so the peer sees the connection fail at once rather than a polite end.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }

        socket.Dispose();
    }
}
