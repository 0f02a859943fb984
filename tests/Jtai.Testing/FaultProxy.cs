using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Jtai.Testing;

/// <summary>
/// A TCP proxy a test puts between one process and a real server (PostgreSQL, RabbitMQ) to take the
/// server away from that process only: <see cref="Cut"/> resets every open connection and refuses
/// new ones, exactly what a client sees when the server stops or the network drops; <see cref="Restore"/>
/// accepts again on the same port. The shared server itself is never touched, so other runs on the
/// machine are unaffected. Hand-written: no fault proxy (toxiproxy) is installable here, and this
/// needs only sockets.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly ConcurrentDictionary<Guid, (Socket Client, Socket Server)> _links = new();
    private readonly object _gate = new();
    private TcpListener? _listener;
    private CancellationTokenSource _accepting = new();

    private FaultProxy(string targetHost, int targetPort, int port)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        Port = port;
    }

    public int Port { get; }
    /// <summary>Open connections reset by cuts so far: proof the process was really using the proxy.</summary>
    public int Resets => _resets;
    private int _resets;

    public static FaultProxy Start(string targetHost, int targetPort)
    {
        var proxy = new FaultProxy(targetHost, targetPort, ServiceHost<Jtai.Gateway.GatewayService>.FreePort());
        proxy.Restore();
        return proxy;
    }

    /// <summary>The server is gone for the process: open connections reset, new ones refused.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            _accepting.Cancel();
            _listener?.Stop();
            _listener = null;
        }
        foreach (var (id, link) in _links)
        {
            Reset(link.Client);
            Reset(link.Server);
            _links.TryRemove(id, out _);
            Interlocked.Increment(ref _resets);
        }
    }

    /// <summary>The server is back: connections are accepted and forwarded again.</summary>
    public void Restore()
    {
        lock (_gate)
        {
            if (_listener is not null) return;
            var listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            _listener = listener;
            _accepting = new CancellationTokenSource();
            _ = Accept(listener, _accepting.Token);
        }
    }

    private async Task Accept(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket client;
            try { client = await listener.AcceptSocketAsync(ct); }
            catch (Exception) { return; }
            _ = Link(client, ct);
        }
    }

    private async Task Link(Socket client, CancellationToken ct)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, ct);
        }
        catch (Exception)
        {
            Reset(client);
            server.Dispose();
            return;
        }
        var id = Guid.NewGuid();
        _links[id] = (client, server);
        if (ct.IsCancellationRequested)
        {
            // Cut while connecting: this link must not survive it.
            Reset(client);
            Reset(server);
            _links.TryRemove(id, out _);
            return;
        }
        await Task.WhenAny(Pump(client, server), Pump(server, client));
        if (_links.TryRemove(id, out _))
        {
            client.Dispose();
            server.Dispose();
        }
    }

    private static async Task Pump(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0) break;
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception)
        {
            // One side went away or was reset: the link ends.
        }
    }

    /// <summary>Closes with RST (linger 0): the peer sees a reset, not an orderly goodbye.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception)
        {
            // Already closed.
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
