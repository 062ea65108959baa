using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cl37.Bot.Benchmarks;

/// <summary>A loopback stand-in for Discord for the benchmarks (the tests have the full scripted
/// fake): REST answers, the callback times, one gateway socket that acknowledges heartbeats, and a
/// bare JSON endpoint as the Kestrel baseline.</summary>
internal sealed class DiscordBenchStub : IAsyncDisposable
{
    public const string Guild = "290926798626357999";
    public const string Channel = "645027906669510667";
    private readonly WebApplication _app;
    private readonly TaskCompletionSource<WebSocket> _socket = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _gatewayDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private long _ids = 900_000_000_000_000_000;

    private DiscordBenchStub(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, long> Callbacks { get; } = new();

    public ConcurrentQueue<string> Posts { get; } = new();

    /// <summary>Callbacks that did not confirm a stored answer.</summary>
    public ConcurrentQueue<string> Unrecorded { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public static async Task<DiscordBenchStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new DiscordBenchStub(app);
        app.UseWebSockets();
        app.MapGet("/api/v10/gateway/bot", () => Results.Text(
            $$$"""{"url":"ws://{{{new Uri(stub.BaseUrl).Authority}}}/gateway","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":1000,"max_concurrency":1}}""", "application/json"));
        app.MapPost("/api/v10/channels/{channel}/messages", async (HttpContext c, string channel) =>
        {
            stub.Posts.Enqueue(await new StreamReader(c.Request.Body).ReadToEndAsync());
            return Results.Text($$"""{"id":"{{Interlocked.Increment(ref stub._ids)}}","channel_id":"{{channel}}"}""", "application/json");
        });
        app.MapMethods("/api/v10/channels/{channel}/messages/{id}", ["PATCH"], (string id) => Results.Text($$"""{"id":"{{id}}"}""", "application/json"));
        app.MapPut("/api/v10/{**path}", () => Results.Text("[]", "application/json"));
        app.MapPost("/api/v10/interactions/{id}/{token}/callback", async (HttpContext c, string token) =>
        {
            stub.Callbacks[token] = Stopwatch.GetTimestamp();
            var body = await new StreamReader(c.Request.Body).ReadToEndAsync();
            if (!body.Contains("Answer recorded", StringComparison.Ordinal))
                stub.Unrecorded.Enqueue(body);
            return Results.NoContent();
        });
        app.MapPost("/bare", async (HttpContext c) =>
        {
            using var doc = await JsonDocument.ParseAsync(c.Request.Body);
            return Results.Text("""{"type":4,"data":{"content":"ok","flags":64,"allowed_mentions":{"parse":[]}}}""", "application/json");
        });
        app.Map("/gateway", async (HttpContext c) =>
        {
            using var ws = await c.WebSockets.AcceptWebSocketAsync();
            stub._socket.TrySetResult(ws);
            await stub.PumpAsync(ws);
        });
        await app.StartAsync();
        stub.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return stub;
    }

    /// <summary>The bot app as Program.cs builds it, on Kestrel, pointed at this stub.</summary>
    public async Task<WebApplication> StartBotAsync(string database, IDictionary<string, string?> discord)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Machine.RepoRoot(), EnvironmentName = "Production" });
        var settings = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={database}",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Playground:Enabled"] = "false",
            ["Quiz:ContentPath"] = Path.Combine(Machine.RepoRoot(), "content"),
            ["Discord:Token"] = "bench.token.value",
            ["Discord:ApplicationId"] = "1100",
            ["Discord:ApiBaseUrl"] = BaseUrl + "/api/v10",
            ["Discord:RegisterCommands"] = "false",
        };
        foreach (var (k, v) in discord)
            settings[k] = v;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.AddCl37Bot();
        // Every click answers the first option: post only single-choice questions so each one is gradable.
        builder.Services.AddSingleton(_ => BenchDecks.SingleChoice());
        var app = builder.Build();
        app.MapCl37Bot();
        await app.StartAsync();
        return app;
    }

    public static string Address(WebApplication app) => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>Posts a question in the Discord channel and returns its first answer control.</summary>
    public async Task<JsonElement> PostQuestionAsync(WebApplication bot)
    {
        var pipeline = bot.Services.GetRequiredService<InboundPipeline>();
        var reply = await pipeline.ReplyOfAsync(await pipeline.RunAsync(new TypedCommand(new ChannelRef("discord", Guild, Channel), new ChatUser("admin", "Admin", true), "/quiz now"), CancellationToken.None));
        var body = Posts.LastOrDefault() ?? throw new InvalidOperationException("No question was posted: " + reply.Text);
        return JsonDocument.Parse(body).RootElement.GetProperty("components")[0].GetProperty("components")[0].Clone();
    }

    /// <summary>The interaction a person's click (or typed answer) on <paramref name="control"/> produces.</summary>
    /// <param name="interactionId">Each interaction's own id; by default one per person (their first click).</param>
    public static string Click(string user, string token, JsonElement control, string? interactionId = null)
    {
        var customId = control.GetProperty("custom_id").GetString()!;
        var (type, data) = control.GetProperty("type").GetInt32() switch
        {
            3 => (3, $$"""{"component_type":3,"custom_id":"{{customId}}","values":["{{control.GetProperty("options")[0].GetProperty("value").GetString()}}"]}"""),
            _ when customId.StartsWith("o:", StringComparison.Ordinal) =>
                (5, $$$"""{"custom_id":"t:{{{customId[2..]}}}","components":[{"type":18,"id":1,"component":{"type":4,"id":2,"custom_id":"answer","value":"4"}}]}"""),
            _ => (3, $$"""{"component_type":2,"custom_id":"{{customId}}"}"""),
        };
        return $$"""{"type":{{type}},"id":"{{interactionId ?? user + "1"}}","application_id":"1100","token":"{{token}}","version":1,"guild_id":"{{Guild}}","channel_id":"{{Channel}}","member":{"user":{"id":"{{user}}","username":"u{{user}}","discriminator":"0"},"roles":[],"permissions":"0","nick":null},"data":{{data}}}""";
    }

    /// <summary>Waits for the bot's gateway connection, greets it and sends READY.</summary>
    public async Task ConnectGatewayAsync()
    {
        var ws = await _socket.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await SendAsync(ws, """{"op":10,"d":{"heartbeat_interval":45000},"s":null,"t":null}""");
        await _identified.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await SendAsync(ws, """{"op":0,"d":{"v":10,"user":{"id":"1100","username":"bench"},"guilds":[],"session_id":"bench","resume_gateway_url":"ws://127.0.0.1:1","application":{"id":"1100","flags":0}},"s":1,"t":"READY"}""");
    }

    private readonly TaskCompletionSource _identified = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task DispatchAsync(string interaction, long seq) =>
        await SendAsync(await _socket.Task, $$"""{"op":0,"d":{{interaction}},"s":{{seq.ToString(CultureInfo.InvariantCulture)}},"t":"INTERACTION_CREATE"}""");

    private async Task SendAsync(WebSocket ws, string json)
    {
        await _sendLock.WaitAsync();
        try
        {
            await ws.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task PumpAsync(WebSocket ws)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (ws.State == WebSocketState.Open)
            {
                var result = await ws.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
                using var doc = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
                var op = doc.RootElement.GetProperty("op").GetInt32();
                if (op == 1)
                    await SendAsync(ws, """{"op":11,"d":null,"s":null,"t":null}""");
                else if (op == 2)
                    _identified.TrySetResult();
            }
        }
        catch (WebSocketException)
        {
        }
        _gatewayDone.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
