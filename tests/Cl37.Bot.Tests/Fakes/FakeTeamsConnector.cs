using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cl37.Bot.Tests.Fakes;

/// <summary>A loopback Bot Connector (Kestrel on 127.0.0.1), the serviceUrl of a Teams conversation:
/// every call recorded with the status it got; sends answer 201 with a fresh activity id and updates
/// 200, unless <see cref="Responder"/> scripts a status.</summary>
public sealed class FakeTeamsConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _ids;

    private FakeTeamsConnector(WebApplication app) => _app = app;

    public sealed record Call(string Method, string Path, string Body, int Status, string? ActivityId);

    public ConcurrentQueue<Call> Calls { get; } = new();

    /// <summary>A status to answer instead of the default; null for the default.</summary>
    public Func<string, string, int?>? Responder { get; set; }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Files served on GET at their path, as SharePoint serves a pre-authorized download URL.</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    public static async Task<FakeTeamsConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var connector = new FakeTeamsConnector(app);
        app.Map("/{**path}", connector.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return connector;
    }

    /// <summary>Successful sends (POST …/activities) whose body matches.</summary>
    public IReadOnlyList<Call> Sent(Func<string, bool> body) =>
        Calls.Where(c => c.Method == "POST" && c.Status == 201 && c.Path.EndsWith("/activities", StringComparison.Ordinal) && body(c.Body)).ToList();

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var method = context.Request.Method;
        if (method == "GET" && Files.TryGetValue(path, out var file))
        {
            Calls.Enqueue(new Call(method, path, "", 200, null));
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(file);
            return;
        }
        if (Responder?.Invoke(method, path) is { } status)
        {
            Calls.Enqueue(new Call(method, path, body, status, null));
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"error":{"code":"ServiceError","message":"scripted failure"}}""");
            return;
        }
        var id = method == "PUT"
            ? path[(path.LastIndexOf('/') + 1)..]
            : "activity-" + Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);
        var ok = method == "PUT" ? 200 : 201;
        Calls.Enqueue(new Call(method, path, body, ok, id));
        context.Response.StatusCode = ok;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"id":"{{id}}"}""");
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
            await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
