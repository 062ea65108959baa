using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cl37.Bot.Tests.Fakes;

/// <summary>A loopback Discord (Kestrel on 127.0.0.1): REST under <c>/api/v10</c> with documented
/// default answers, every call recorded, answers scriptable per test through <see cref="Responder"/>;
/// the gateway websocket at <c>/gateway</c> (and <c>/resume</c>, the READY resume URL), each
/// connection handed to the test.</summary>
public sealed class FakeDiscordServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<FakeDiscordGatewayConnection> _connections = Channel.CreateUnbounded<FakeDiscordGatewayConnection>();
    private readonly CancellationTokenSource _stopping = new();
    private long _nextId = 900_000_000_000_000_000;

    // Follow-up messages are numbered apart from channel messages: a follow-up that arrives a moment
    // late must not shift the ids of the channel's messages that the transcripts show.
    private long _nextFollowUpId = 910_000_000_000_000_000;

    private FakeDiscordServer(WebApplication app) => _app = app;

    public ConcurrentQueue<FakeDiscordRequest> Requests { get; } = new();

    /// <summary>Scripted answers; return null to fall back to the default answer.</summary>
    public Func<FakeDiscordRequest, FakeDiscordResponse?>? Responder { get; set; }

    /// <summary>The last command list PUT per path, returned by GET as Discord does.</summary>
    public ConcurrentDictionary<string, string> RegisteredCommands { get; } = new();

    /// <summary>Command option fields this server refuses (<c>min_value</c>, <c>max_value</c>), as an
    /// older or stricter Discord-compatible server does.</summary>
    public HashSet<string> RefusedOptionFields { get; } = [];

    /// <summary>Option types this server refuses (10, number).</summary>
    public HashSet<int> RefusedOptionTypes { get; } = [];

    /// <summary>Files the CDN serves at <c>/attachments/…</c>, by path.</summary>
    public ConcurrentDictionary<string, byte[]> CdnFiles { get; } = new();

    /// <summary>Paths of CDN downloads, in order.</summary>
    public ConcurrentQueue<string> CdnDownloads { get; } = new();

    /// <summary>Serves <paramref name="content"/> on the fake CDN and returns its URL, with a query as Discord's signed URLs have.</summary>
    public string AttachmentUrl(string path, byte[] content)
    {
        CdnFiles[path] = content;
        return $"{BaseUri}attachments/{path}?ex=6790a1b2&is=678f5032&hm=0123456789abcdef";
    }

    public int IdentifyRemaining { get; set; } = 999;

    public int MaxConcurrency { get; set; } = 1;

    public Uri BaseUri { get; private set; } = null!;

    public string ApiBaseUrl => BaseUri + "api/v10";

    public string GatewayUrl => $"ws://{BaseUri.Authority}/gateway";

    public string ResumeUrl => $"ws://{BaseUri.Authority}/resume";

    public static async Task<FakeDiscordServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeDiscordServer(app);
        app.UseWebSockets();
        app.Map("/gateway", server.AcceptAsync);
        app.Map("/resume", server.AcceptAsync);
        app.Map("/api/v10/{**path}", server.RestAsync);
        app.MapGet("/attachments/{**path}", server.CdnAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    public async Task<FakeDiscordGatewayConnection> NextConnectionAsync(TimeSpan? timeout = null)
    {
        // Long enough for a reconnect on a machine whose cores are busy with other work; a passing test never waits for it.
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        return await _connections.Reader.ReadAsync(cts.Token);
    }

    public bool HasPendingConnection => _connections.Reader.Count > 0;

    public IReadOnlyList<FakeDiscordRequest> RequestsTo(string method, string pathPrefix) =>
        Requests.Where(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToList();

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeDiscordGatewayConnection(socket, context.Request.Path.Value!.TrimEnd('/'), context.Request.QueryString.Value ?? "");
        var pump = connection.PumpAsync();
        _connections.Writer.TryWrite(connection);
        await Task.WhenAny(pump, Task.Delay(Timeout.Infinite, _stopping.Token));
    }

    private async Task CdnAsync(HttpContext context)
    {
        var path = (string)context.Request.RouteValues["path"]!;
        CdnDownloads.Enqueue(path);
        if (!CdnFiles.TryGetValue(path, out var content))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = content.Length;
        await context.Response.Body.WriteAsync(content);
    }

    private async Task RestAsync(HttpContext context)
    {
        var path = (string)context.Request.RouteValues["path"]!;
        string body;
        var files = new List<FakeDiscordFile>();
        if (context.Request.HasFormContentType)
        {
            // DAD reference.mdx "Uploading Files": the JSON as payload_json, each file as files[n].
            var form = await context.Request.ReadFormAsync();
            body = form["payload_json"].FirstOrDefault() ?? "";
            foreach (var file in form.Files)
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content);
                files.Add(new FakeDiscordFile(file.Name, file.FileName, file.ContentType, content.ToArray()));
            }
        }
        else
        {
            using var reader = new StreamReader(context.Request.Body);
            body = await reader.ReadToEndAsync();
        }
        var request = new FakeDiscordRequest(context.Request.Method, path,
            context.Request.Headers.Authorization.FirstOrDefault(), context.Request.Headers.UserAgent.FirstOrDefault(),
            context.Request.ContentType, body, Stopwatch.GetTimestamp()) { Files = files };
        Requests.Enqueue(request);
        var response = UploadProblem(request) ?? Responder?.Invoke(request) ?? Default(request);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            context.Response.Headers[name] = value;
        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body);
        }
    }

    /// <summary>Discord refuses a multipart call without payload_json, or whose files[n] have no
    /// "attachments" entry with id n and the same filename.</summary>
    private static FakeDiscordResponse? UploadProblem(FakeDiscordRequest request)
    {
        if (request.Files.Count == 0)
            return null;
        var invalid = new FakeDiscordResponse(400, """{"message":"Invalid Form Body","code":50035}""");
        if (request.Body.Length == 0)
            return invalid;
        var attachments = System.Text.Json.JsonDocument.Parse(request.Body).RootElement.TryGetProperty("attachments", out var a) ? a : default;
        if (attachments.ValueKind != System.Text.Json.JsonValueKind.Array)
            return invalid;
        foreach (var file in request.Files)
        {
            var matched = attachments.EnumerateArray().Any(x =>
                $"files[{x.GetProperty("id").GetRawText()}]" == file.Field && x.GetProperty("filename").GetString() == file.FileName);
            if (!matched)
                return invalid;
        }
        return null;
    }

    private FakeDiscordResponse Default(FakeDiscordRequest request)
    {
        var segments = request.Path.Split('/');
        if (request.Method == "GET" && request.Path == "gateway/bot")
        {
            return new(200, $$$"""{"url":"{{{GatewayUrl}}}","shards":1,"session_start_limit":{"total":1000,"remaining":{{{IdentifyRemaining}}},"reset_after":14400000,"max_concurrency":{{{MaxConcurrency}}}}}""");
        }
        if (segments[0] == "interactions")
            return new(204);
        if (segments[0] == "channels" && request.Method == "POST")
        {
            var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
            return new(200, $$"""{"id":"{{id}}","channel_id":"{{segments[1]}}"}""", Bucket("channel-messages", 5, 4));
        }
        if (segments[0] == "channels" && request.Method == "PATCH")
            return new(200, $$"""{"id":"{{segments[3]}}","channel_id":"{{segments[1]}}"}""", Bucket("channel-edits", 5, 4));
        if (segments[0] == "applications" && request.Method == "PUT")
        {
            if (CommandRefusals(request.Body) is { } refusal)
                return refusal;
            RegisteredCommands[request.Path] = request.Body;
            return new(200, request.Body);
        }
        if (request.Method == "GET" && request.Path == "applications/@me")
            return new(200, """{"id":"1100","flags":0,"name":"cl37"}""");
        if (segments[0] == "applications" && request.Method == "GET")
            return new(200, RegisteredCommands.GetValueOrDefault(request.Path, "[]"));
        if (segments[0] == "webhooks")
            return new(200, $$"""{"id":"{{Interlocked.Increment(ref _nextFollowUpId).ToString(CultureInfo.InvariantCulture)}}"}""");
        return new(404, """{"message":"Unknown route","code":0}""");
    }

    /// <summary>Discord's answer to a command list with refused fields: 400, code 50035 "Invalid Form
    /// Body", and <c>errors</c> nested by field name and array index down to each refused field's
    /// <c>_errors</c> (DAD topics/opcodes-and-status-codes.mdx "Error Messages"). Every refused field
    /// of the request is named in the one answer.</summary>
    private FakeDiscordResponse? CommandRefusals(string body)
    {
        if (RefusedOptionFields.Count == 0 && RefusedOptionTypes.Count == 0)
            return null;
        var errors = new JsonObject();
        var commands = JsonNode.Parse(body)!.AsArray();
        for (var i = 0; i < commands.Count; i++)
        {
            if (Refuse(commands[i]!["options"] as JsonArray) is { } refused)
                errors[i.ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["options"] = refused };
        }
        return errors.Count == 0
            ? null
            : new(400, new JsonObject { ["code"] = 50035, ["errors"] = errors, ["message"] = "Invalid Form Body" }.ToJsonString());
    }

    private JsonObject? Refuse(JsonArray? options)
    {
        if (options is null)
            return null;
        var errors = new JsonObject();
        for (var j = 0; j < options.Count; j++)
        {
            var option = options[j]!.AsObject();
            var own = new JsonObject();
            foreach (var field in RefusedOptionFields.Where(option.ContainsKey))
                own[field] = Error("BASE_TYPE_BAD_FIELD", $"Field \"{field}\" is not supported by this server.");
            if (RefusedOptionTypes.Contains(option["type"]!.GetValue<int>()))
                own["type"] = Error("BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4, 5, 6, 7, 8, 9, 11}.");
            if (Refuse(option["options"] as JsonArray) is { } inner)
                own["options"] = inner;
            if (own.Count > 0)
                errors[j.ToString(CultureInfo.InvariantCulture)] = own;
        }
        return errors.Count == 0 ? null : errors;
    }

    private static JsonObject Error(string code, string message) =>
        new() { ["_errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }) };

    public static Dictionary<string, string> Bucket(string hash, int limit, int remaining, double resetAfter = 1) => new()
    {
        ["X-RateLimit-Bucket"] = hash,
        ["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture),
        ["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture),
        ["X-RateLimit-Reset-After"] = resetAfter.ToString(CultureInfo.InvariantCulture),
    };

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
            await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
