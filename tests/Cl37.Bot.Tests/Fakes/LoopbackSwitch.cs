using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Cl37.Bot.Tests.Fakes;

/// <summary>A TCP forwarder on 127.0.0.1 in front of a loopback fake. Switched off, nothing listens on
/// its port, so a connect is refused, and open connections are reset; switched on again, it listens
/// on the same port, as a restarted service would.</summary>
public sealed class LoopbackSwitch : IAsyncDisposable
{
    private readonly int _targetPort;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private TcpListener? _listener;

    private LoopbackSwitch(int targetPort, int port)
    {
        _targetPort = targetPort;
        Port = port;
    }

    public int Port { get; }

    public bool IsOn
    {
        get
        {
            lock (_gate)
                return _listener is not null;
        }
    }

    /// <summary>Rewrites <paramref name="target"/>'s port to this switch's.</summary>
    public Uri Through(Uri target) => new UriBuilder(target) { Port = Port }.Uri;

    public static LoopbackSwitch Start(Uri target)
    {
        var listener = Listen(0);
        var gate = new LoopbackSwitch(target.Port, ((IPEndPoint)listener.LocalEndpoint).Port);
        gate.Accept(listener);
        return gate;
    }

    public void On()
    {
        lock (_gate)
        {
            if (_listener is not null)
                return;
            Accept(Listen(Port));
        }
    }

    public void Off()
    {
        lock (_gate)
        {
            _listener?.Stop();
            _listener = null;
        }
        foreach (var socket in _open.Keys)
            Reset(socket);
    }

    private static TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        // The port is taken again after Off(); connections it reset may still be winding down on it.
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return listener;
    }

    private void Accept(TcpListener listener)
    {
        _listener = listener;
        _ = Task.Run(async () =>
        {
            while (true)
            {
                Socket client;
                try
                {
                    client = await listener.AcceptSocketAsync();
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                _ = ForwardAsync(client);
            }
        });
    }

    private async Task ForwardAsync(Socket client)
    {
        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _open[client] = 0;
        _open[upstream] = 0;
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _targetPort);
            using var a = new NetworkStream(client, ownsSocket: false);
            using var b = new NetworkStream(upstream, ownsSocket: false);
            await Task.WhenAny(a.CopyToAsync(b), b.CopyToAsync(a));
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
        {
            // Reset by Off() or by either side.
        }
        finally
        {
            Reset(client);
            Reset(upstream);
        }
    }

    private void Reset(Socket socket)
    {
        if (!_open.TryRemove(socket, out _))
            return;
        try
        {
            // Linger 0: a reset, as a crashed service gives, and no TIME_WAIT left on the port.
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        Off();
        return ValueTask.CompletedTask;
    }
}
