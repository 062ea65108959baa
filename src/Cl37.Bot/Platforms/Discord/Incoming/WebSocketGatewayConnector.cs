using System.Net.WebSockets;
using Cl37.Bot.Platforms.Discord.Outgoing;

namespace Cl37.Bot.Platforms.Discord.Incoming;

/// <summary>The production transport: <see cref="ClientWebSocket"/>, JSON text frames, no compression.</summary>
internal sealed class WebSocketGatewayConnector(TimeProvider time) : IGatewayConnector
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    public async Task<IGatewayConnection> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("User-Agent", DiscordRestClient.UserAgent);
        using var timeout = new CancellationTokenSource(ConnectTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await socket.ConnectAsync(uri, linked.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new Connection(socket);
    }

    private sealed class Connection(ClientWebSocket socket) : IGatewayConnection
    {
        private const int MaxMessage = 16 << 20;

        public Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken) =>
            socket.SendAsync(message, WebSocketMessageType.Text, true, cancellationToken).AsTask();

        private readonly byte[] _buffer = new byte[16 * 1024];

        public async Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken)
        {
            var first = await socket.ReceiveAsync(_buffer.AsMemory(), cancellationToken);
            if (first.MessageType == WebSocketMessageType.Close)
                return new GatewayFrame(null, (int?)socket.CloseStatus, socket.CloseStatusDescription);
            if (first.EndOfMessage)
                return new GatewayFrame(_buffer.AsSpan(0, first.Count).ToArray());
            using var stream = new MemoryStream();
            stream.Write(_buffer, 0, first.Count);
            while (true)
            {
                var result = await socket.ReceiveAsync(_buffer.AsMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                    return new GatewayFrame(null, (int?)socket.CloseStatus, socket.CloseStatusDescription);
                stream.Write(_buffer, 0, result.Count);
                if (stream.Length > MaxMessage)
                    throw new WebSocketException("A gateway message exceeded 16 MiB.");
                if (result.EndOfMessage)
                    return new GatewayFrame(stream.ToArray());
            }
        }

        public async Task CloseAsync(int code, string reason, CancellationToken cancellationToken)
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, cancellationToken);
        }

        public ValueTask DisposeAsync()
        {
            socket.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
