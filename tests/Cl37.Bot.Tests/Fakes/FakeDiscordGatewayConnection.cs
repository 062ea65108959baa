using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Cl37.Bot.Tests.Fakes;

/// <summary>One gateway websocket as the fake Discord sees it, driven by the test: send Hello,
/// READY, dispatches, op 7/9, close codes; read what the bot sent. Heartbeats are answered with
/// op 11 unless <see cref="AutoAck"/> is off, and kept apart from the other payloads.</summary>
public sealed class FakeDiscordGatewayConnection
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);
    private readonly WebSocket _socket;
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _heartbeats = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource<int?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    internal FakeDiscordGatewayConnection(WebSocket socket, string path, string query)
    {
        _socket = socket;
        Path = path;
        Query = query;
    }

    public string Path { get; }

    public string Query { get; }

    private volatile bool _autoAck = true;

    public bool AutoAck
    {
        get => _autoAck;
        set => _autoAck = value;
    }

    /// <summary>Completes with the close code the bot sent, or null when the socket dropped.</summary>
    public Task<int?> Closed => _closed.Task;

    public Task SendAsync(string json) => SendRawAsync(json);

    public Task SendHelloAsync(int heartbeatIntervalMs = 45000) =>
        SendAsync($$"""{"op":10,"d":{"heartbeat_interval":{{heartbeatIntervalMs}}},"s":null,"t":null}""");

    public Task SendReadyAsync(string sessionId, string resumeUrl, long seq = 1) =>
        SendDispatchAsync("READY", $$$"""{"v":10,"user":{"id":"1100","username":"cl37","discriminator":"0","bot":true},"guilds":[{"id":"2200","unavailable":true}],"session_id":"{{{sessionId}}}","resume_gateway_url":"{{{resumeUrl}}}","shard":[0,1],"application":{"id":"1100","flags":0}}""", seq);

    public Task SendDispatchAsync(string type, string data, long seq) =>
        SendAsync($$"""{"op":0,"d":{{data}},"s":{{seq}},"t":"{{type}}"}""");

    public Task SendReconnectAsync() => SendAsync("""{"op":7,"d":null,"s":null,"t":null}""");

    public Task SendInvalidSessionAsync(bool resumable) => SendAsync($$"""{"op":9,"d":{{(resumable ? "true" : "false")}},"s":null,"t":null}""");

    public Task SendHeartbeatRequestAsync() => SendAsync("""{"op":1,"d":null,"s":null,"t":null}""");

    /// <summary>The next non-heartbeat payload the bot sent.</summary>
    public async Task<JsonElement> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultWait);
        return await _received.Reader.ReadAsync(cts.Token);
    }

    /// <summary>The next heartbeat (op 1) the bot sent.</summary>
    public async Task<JsonElement> ReceiveHeartbeatAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultWait);
        return await _heartbeats.Reader.ReadAsync(cts.Token);
    }

    /// <summary>Returns once the bot has handled everything sent before: it answers op 1 from its
    /// receive loop, which reads in order.</summary>
    public async Task SyncAsync()
    {
        await SendHeartbeatRequestAsync();
        await ReceiveHeartbeatAsync();
    }

    public bool TryReceiveHeartbeat(out JsonElement heartbeat) => _heartbeats.Reader.TryRead(out heartbeat);

    public async Task CloseAsync(int code, string reason = "")
    {
        try
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }
    }

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Abort() => _socket.Abort();

    private async Task SendRawAsync(string json)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    internal async Task PumpAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _closed.TrySetResult((int?)result.CloseStatus);
                        if (_socket.State == WebSocketState.CloseReceived)
                            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                        return;
                    }
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                var json = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                if (json.GetProperty("op").GetInt32() == 1)
                {
                    if (AutoAck)
                        await SendAsync("""{"op":11,"d":null,"s":null,"t":null}""");
                    _heartbeats.Writer.TryWrite(json);
                }
                else
                {
                    _received.Writer.TryWrite(json);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _closed.TrySetResult(null);
        }
        finally
        {
            _closed.TrySetResult(null);
            _received.Writer.TryComplete();
            _heartbeats.Writer.TryComplete();
        }
    }
}
