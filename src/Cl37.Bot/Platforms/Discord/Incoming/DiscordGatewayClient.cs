using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cl37.Bot.Platforms.Discord.Kernel;
using Cl37.Bot.Platforms.Discord.Outgoing;
using Cl37.Bot.Platforms.Discord.Wire;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Discord.Incoming;

/// <summary>The gateway v10 state machine (DAD events/gateway.mdx): Hello → jittered heartbeats,
/// Identify with the GUILDS intent only (interactions need no intent), READY, resume on drops and
/// op 7, op 9, zombie detection, the close-code table, capped exponential backoff with jitter and
/// the identify budget. Fatal close codes stop only this adapter.</summary>
internal sealed class DiscordGatewayClient(
    IGatewayConnector connector,
    DiscordRestClient rest,
    DiscordInteractionHandler handler,
    DiscordConnectionState state,
    DiscordMetrics metrics,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    Random random,
    ILogger<DiscordGatewayClient> logger) : BackgroundService
{
    /// <summary>GUILDS (1 &lt;&lt; 0); INTERACTION_CREATE belongs to no intent (DAD events/gateway.mdx "List of Intents").</summary>
    public const int Intents = 1;
    public const int ZombieCloseCode = 4900;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan IdentifyWindow = TimeSpan.FromSeconds(5);
    private string? _gatewayUrl;
    private string? _sessionId;
    private string? _resumeUrl;
    private long? _sequence;
    private long _lastIdentify;
    private int _maxConcurrency = 1;
    private CancellationToken _stopping;

    public string? SessionId => _sessionId;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => RunAsync(stoppingToken);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _stopping = cancellationToken;
        var failures = 0;
        state.Set(DiscordConnectionState.Kind.Connecting);
        while (!cancellationToken.IsCancellationRequested)
        {
            var result = new ConnectionResult(GatewayNext.Resume, false);
            var resuming = _sessionId is not null;
            try
            {
                if (!resuming)
                    await PrepareIdentifyAsync(cancellationToken);
                var url = resuming ? _resumeUrl! : _gatewayUrl!;
                await using var connection = await connector.ConnectAsync(WithQuery(url), cancellationToken);
                result = await RunConnectionAsync(connection, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (DiscordRestException ex) when (ex.Status == 401)
            {
                result = new ConnectionResult(GatewayNext.Stop, false, "Discord rejected the bot token (401 on GET /gateway/bot); check Discord:Token");
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException or DiscordRestException or JsonException or OperationCanceledException)
            {
                logger.LogWarning("Discord gateway connection failed: {Error}", ex.Message);
            }

            if (result.Next == GatewayNext.Stop)
            {
                logger.LogCritical("Discord adapter stopped: {Reason}. The rest of the app keeps running.", result.Reason);
                state.Set(DiscordConnectionState.Kind.Stopped, result.Reason);
                return;
            }
            if (result.Next == GatewayNext.Identify)
            {
                _sessionId = null;
                _resumeUrl = null;
                _sequence = null;
            }
            failures = result.WasReady ? 0 : failures + 1;
            state.Set(DiscordConnectionState.Kind.Reconnecting, result.Reason);
            metrics.Reconnect(_sessionId is null ? "identify" : "resume");
            var delay = result.Delay ?? (failures == 0 ? TimeSpan.Zero : Backoff(failures));
            logger.LogInformation("Discord gateway {Action} in {Delay:0.0} s ({Reason})",
                _sessionId is null ? "identifies" : "resumes", delay.TotalSeconds, result.Reason ?? "connection ended");
            try
            {
                if (delay > TimeSpan.Zero)
                    await Task.Delay(delay, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        if (state.State != DiscordConnectionState.Kind.Stopped)
            state.Set(DiscordConnectionState.Kind.Disabled, "stopped with the app");
    }

    /// <summary>Before a fresh session: refresh <c>GET /gateway/bot</c> (the URL and the budget),
    /// wait out an exhausted budget (1000 identifies a day; going over resets the token), and keep
    /// identifies at least 5 s / max_concurrency apart (DAD events/gateway.mdx "Session Start Limit").</summary>
    private async Task PrepareIdentifyAsync(CancellationToken cancellationToken)
    {
        var bot = await rest.GetGatewayBotAsync(cancellationToken);
        if (string.IsNullOrEmpty(bot.Url))
            throw new DiscordRestException(200, null, "GET /gateway/bot returned no url.");
        _gatewayUrl = bot.Url;
        if (bot.SessionStartLimit is { } limit)
        {
            _maxConcurrency = Math.Max(1, limit.MaxConcurrency);
            if (limit.Remaining <= 0)
            {
                var wait = TimeSpan.FromMilliseconds(Math.Max(1000, limit.ResetAfter));
                logger.LogWarning("Discord identify budget used up ({Total} a day); waiting {Minutes:0.0} min before identifying", limit.Total, wait.TotalMinutes);
                await Task.Delay(wait, time, cancellationToken);
            }
        }
        if (_lastIdentify != 0)
        {
            var spacing = IdentifyWindow / _maxConcurrency;
            var elapsed = time.GetElapsedTime(_lastIdentify);
            if (elapsed < spacing)
                await Task.Delay(spacing - elapsed, time, cancellationToken);
        }
    }

    private async Task<ConnectionResult> RunConnectionAsync(IGatewayConnection connection, CancellationToken cancellationToken)
    {
        var run = new Run(connection, new CancellationTokenSource());
        // Shutting down: close with 1000 first, which ends the session so the bot shows offline at
        // once (DAD events/gateway.mdx "Initiating a Disconnect"); cancelling a receive would abort the socket instead.
        await using var shutdown = cancellationToken.Register(() => _ = Task.Run(async () =>
        {
            await CloseAsync(connection, 1000, "shutting down");
            await run.Cancel.CancelAsync();
        }, CancellationToken.None));
        Task? heartbeat = null;
        var ready = false;
        state.Set(_sessionId is null ? DiscordConnectionState.Kind.Connecting : DiscordConnectionState.Kind.Reconnecting);
        try
        {
            while (true)
            {
                var frame = await connection.ReceiveAsync(run.Cancel.Token);
                if (frame.Message is null)
                    return Classify(frame.CloseCode, frame.CloseReason, ready);
                var payload = JsonSerializer.Deserialize(frame.Message, DiscordJsonContext.Default.GatewayPayload);
                if (payload is null)
                    continue;
                switch (payload.Op)
                {
                    case GatewayOpcode.Hello:
                        var hello = payload.D?.Deserialize(DiscordJsonContext.Default.HelloData);
                        var interval = TimeSpan.FromMilliseconds(Math.Max(1, hello?.HeartbeatInterval ?? 41250));
                        heartbeat ??= HeartbeatAsync(run, interval);
                        if (_sessionId is null)
                            await IdentifyAsync(run);
                        else
                            await SendAsync(run, new GatewaySend<ResumeData> { Op = GatewayOpcode.Resume, D = new ResumeData { Token = options.Value.Token, SessionId = _sessionId, Seq = _sequence } }, DiscordJsonContext.Default.GatewaySendResumeData);
                        break;
                    case GatewayOpcode.HeartbeatAck:
                        run.Acked = true;
                        break;
                    case GatewayOpcode.Heartbeat:
                        await SendHeartbeatAsync(run);
                        break;
                    case GatewayOpcode.Reconnect:
                        await CloseAsync(connection, ZombieCloseCode, "reconnect requested");
                        return new ConnectionResult(GatewayNext.Resume, ready, "op 7 reconnect");
                    case GatewayOpcode.InvalidSession:
                        var resumable = payload.D is { ValueKind: JsonValueKind.True };
                        await CloseAsync(connection, ZombieCloseCode, "invalid session");
                        // The docs give no delay; libraries wait a random 1–5 s before a new Identify.
                        return resumable
                            ? new ConnectionResult(GatewayNext.Resume, ready, "op 9 invalid session, resumable")
                            : new ConnectionResult(GatewayNext.Identify, false, "op 9 invalid session", TimeSpan.FromSeconds(1 + (4 * random.NextDouble())));
                    case GatewayOpcode.Dispatch:
                        if (payload.S is { } s)
                            _sequence = s;
                        switch (payload.T)
                        {
                            case "READY":
                                var readyData = payload.D?.Deserialize(DiscordJsonContext.Default.ReadyData);
                                _sessionId = readyData?.SessionId;
                                _resumeUrl = string.IsNullOrEmpty(readyData?.ResumeGatewayUrl) ? _gatewayUrl : readyData.ResumeGatewayUrl;
                                ready = true;
                                state.Set(DiscordConnectionState.Kind.Ready);
                                logger.LogInformation("Discord gateway ready as {User} in {Guilds} guilds", readyData?.User?.Username, readyData?.Guilds?.Count ?? 0);
                                break;
                            case "RESUMED":
                                ready = true;
                                state.Set(DiscordConnectionState.Kind.Ready);
                                logger.LogInformation("Discord gateway session resumed");
                                break;
                            case "INTERACTION_CREATE" when payload.D is { } d:
                                Dispatch(d);
                                break;
                        }
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (run.Zombie && !cancellationToken.IsCancellationRequested)
        {
            return new ConnectionResult(GatewayNext.Resume, ready, "no heartbeat ACK (zombie connection)");
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is OperationCanceledException or WebSocketException or IOException)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException)
        {
            return new ConnectionResult(GatewayNext.Resume, ready, "connection dropped: " + ex.Message);
        }
        finally
        {
            await run.Cancel.CancelAsync();
            if (heartbeat is not null)
            {
                try
                {
                    await heartbeat;
                }
                catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
                {
                    logger.LogDebug("Heartbeat ended: {Error}", ex.Message);
                }
            }
            run.Cancel.Dispose();
        }
    }

    /// <summary>First beat after interval × random(0..1), then every interval; an unacknowledged
    /// beat when the next is due means a zombie connection: close with a non-1000 code and resume
    /// (DAD events/gateway.mdx "Sending Heartbeats").</summary>
    private async Task HeartbeatAsync(Run run, TimeSpan interval)
    {
        await Task.Delay(interval * random.NextDouble(), time, run.Cancel.Token);
        while (true)
        {
            if (!run.Acked)
            {
                logger.LogWarning("Discord gateway missed a heartbeat ACK; reconnecting");
                run.Zombie = true;
                await CloseAsync(run.Connection, ZombieCloseCode, "zombie connection");
                await run.Cancel.CancelAsync();
                return;
            }
            run.Acked = false;
            await SendHeartbeatAsync(run);
            await Task.Delay(interval, time, run.Cancel.Token);
        }
    }

    private Task SendHeartbeatAsync(Run run) =>
        SendAsync(run, new GatewaySend<long?> { Op = GatewayOpcode.Heartbeat, D = _sequence }, DiscordJsonContext.Default.GatewaySendNullableInt64);

    private Task IdentifyAsync(Run run)
    {
        var o = options.Value;
        _lastIdentify = time.GetTimestamp();
        return SendAsync(run, new GatewaySend<IdentifyData>
        {
            Op = GatewayOpcode.Identify,
            D = new IdentifyData
            {
                Token = o.Token,
                Intents = Intents,
                Properties = new IdentifyProperties(),
                Shard = [o.ShardId, o.ShardCount],
            },
        }, DiscordJsonContext.Default.GatewaySendIdentifyData);
    }

    // Sends are serialised: the heartbeat and the receive loop share one socket. The gateway allows
    // 120 sends a minute; the bot only sends heartbeats, Identify and Resume.
    private static async Task SendAsync<T>(Run run, T payload, JsonTypeInfo<T> type)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, type);
        await run.SendLock.WaitAsync(run.Cancel.Token);
        try
        {
            await run.Connection.SendAsync(bytes, run.Cancel.Token);
        }
        finally
        {
            run.SendLock.Release();
        }
    }

    private async Task CloseAsync(IGatewayConnection connection, int code, string reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), time);
            await connection.CloseAsync(code, reason, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            logger.LogDebug("Closing the gateway connection failed: {Error}", ex.Message);
        }
    }

    // On the thread pool, not awaited: the receive loop must keep reading (heartbeat ACKs, the next clicks).
    // The 3 s for the first response run from when the event arrives (DAD interactions/receiving-and-responding.mdx).
    private void Dispatch(JsonElement data)
    {
        var deadline = time.GetUtcNow() + DiscordRestClient.InitialResponseWindow;
        _ = Task.Run(() => AnswerAsync(data, deadline), CancellationToken.None);
    }

    private async Task AnswerAsync(JsonElement data, DateTimeOffset deadline)
    {
        Interaction? interaction = null;
        try
        {
            interaction = data.Deserialize(DiscordJsonContext.Default.Interaction);
            if (interaction is null)
                return;
            var outcome = await handler.HandleAsync(interaction, _stopping);
            // After a fallback the rest of the reply (or a deferral's result) has no response to follow.
            if (await RespondAsync(interaction, outcome.Initial, deadline))
                await handler.FinishAsync(interaction, outcome, _stopping);
        }
        catch (Exception ex) when (!_stopping.IsCancellationRequested)
        {
            logger.LogError(ex, "Answering interaction {InteractionId} failed", interaction?.Id);
        }
    }

    /// <summary>Sends the first response; when Discord refuses it as invalid (400), sends the
    /// handler's fallback instead, so the person never sees "This interaction failed" for it.
    /// True when the response sent is the one the handler made.</summary>
    private async Task<bool> RespondAsync(Interaction interaction, InteractionResponse response, DateTimeOffset deadline)
    {
        var original = response;
        while (true)
        {
            try
            {
                await rest.RespondAsync(interaction.Id, interaction.Token, response, deadline, _stopping);
                return ReferenceEquals(response, original);
            }
            catch (DiscordRestException ex) when (ex.Status == StatusCodes.Status400BadRequest && handler.Fallback(response) is { } fallback)
            {
                logger.LogWarning("Discord refused the response of type {Type} to interaction {InteractionId}; sending a fallback", response.Type, interaction.Id);
                response = fallback;
            }
        }
    }

    /// <summary>DAD topics/opcodes-and-status-codes.mdx "Gateway Close Event Codes".</summary>
    internal static ConnectionResult Classify(int? code, string? reason, bool wasReady) => code switch
    {
        4004 => new(GatewayNext.Stop, wasReady, "authentication failed (close 4004): Discord rejected Discord:Token"),
        4010 => new(GatewayNext.Stop, wasReady, "invalid shard (close 4010): check Discord:ShardId and Discord:ShardCount"),
        4011 => new(GatewayNext.Stop, wasReady, "sharding required (close 4011): the bot is in too many guilds for one shard; raise Discord:ShardCount"),
        4012 => new(GatewayNext.Stop, wasReady, "invalid API version (close 4012)"),
        4013 => new(GatewayNext.Stop, wasReady, "invalid intents (close 4013)"),
        4014 => new(GatewayNext.Stop, wasReady, "disallowed intents (close 4014): enable the intent in the developer portal"),
        4007 or 4009 => new(GatewayNext.Identify, wasReady, $"close {code}: the session cannot be resumed"),
        _ => new(GatewayNext.Resume, wasReady, code is null ? "closed without a code" : $"close {code} {reason}".TrimEnd()),
    };

    /// <summary>1 s doubling to 60 s, plus up to 250 ms of jitter so shards and replicas spread out.</summary>
    private TimeSpan Backoff(int failures) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 10)))) + TimeSpan.FromMilliseconds(250 * random.NextDouble());

    private static Uri WithQuery(string url) => new(url.TrimEnd('/') + "/?v=10&encoding=json");

    internal sealed record ConnectionResult(GatewayNext Next, bool WasReady, string? Reason = null, TimeSpan? Delay = null);

    private sealed class Run(IGatewayConnection connection, CancellationTokenSource cancel)
    {
        private volatile bool _acked = true;
        private volatile bool _zombie;

        public IGatewayConnection Connection { get; } = connection;

        public CancellationTokenSource Cancel { get; } = cancel;

        public SemaphoreSlim SendLock { get; } = new(1, 1);

        public bool Acked
        {
            get => _acked;
            set => _acked = value;
        }

        public bool Zombie
        {
            get => _zombie;
            set => _zombie = value;
        }
    }
}
