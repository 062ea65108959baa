using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cl37.Bot.Benchmarks;

/// <summary>What the published bot reaches outbound on Teams, on 127.0.0.1, so it runs unchanged as
/// its own process: a Bot Connector over https (the bot sends its token only over https) whose
/// self-signed certificate the bot process trusts through <c>SSL_CERT_FILE</c>, and a managed-identity
/// token endpoint (App Service's <c>IDENTITY_ENDPOINT</c> protocol) in place of Entra ID.</summary>
internal sealed partial class BenchTeamsChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private long _next;

    private BenchTeamsChannel(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        _certificate = certificate;
    }

    /// <summary>The serviceUrl activities name (https, trailing slash).</summary>
    public string ServiceUrl { get; private set; } = "";

    public string CertificateFile { get; } = Path.Combine(Path.GetTempPath(), $"cl37-bench-connector-{Guid.NewGuid():N}.pem");

    public ConcurrentQueue<string> Sent { get; } = new();

    /// <summary>Bot Connector calls answered so far.</summary>
    public long Calls => Interlocked.Read(ref _next);

    /// <summary>Environment for the bot process: its managed identity is this loopback endpoint and it
    /// trusts this connector's certificate.</summary>
    public Dictionary<string, string> BotEnvironment(string appId, string tokenUrl) => new()
    {
        ["IDENTITY_ENDPOINT"] = tokenUrl,
        ["IDENTITY_HEADER"] = "bench",
        ["SSL_CERT_FILE"] = CertificateFile,
        ["Teams__AppType"] = "UserAssignedMSI",
        ["Teams__AppId"] = appId,
        ["Teams__TenantId"] = "7d2c4b6a-1e3f-4a5b-8c9d-0e1f2a3b4c5d",
    };

    public string TokenUrl { get; private set; } = "";

    public static async Task<BenchTeamsChannel> StartAsync()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        var connectorPort = ServerProcess.FreePort();
        var tokenPort = ServerProcess.FreePort();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, connectorPort, o => o.UseHttps(certificate));
            k.Listen(IPAddress.Loopback, tokenPort);
        });
        var app = builder.Build();
        var channel = new BenchTeamsChannel(app, certificate);
        await File.WriteAllTextAsync(channel.CertificateFile, certificate.ExportCertificatePem());
        app.MapGet("/msi/token", (HttpContext c) => Results.Json(new Dictionary<string, string>
        {
            ["access_token"] = "bench-outbound-token",
            ["expires_on"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["resource"] = "https://api.botframework.com",
            ["token_type"] = "Bearer",
            ["client_id"] = c.Request.Query["client_id"].ToString(),
        }));
        app.Map("/{**path}", async (HttpContext c) =>
        {
            var body = await new StreamReader(c.Request.Body).ReadToEndAsync();
            if (body.Contains("\"post\"", StringComparison.Ordinal) && channel.Sent.Count < 1000)
                channel.Sent.Enqueue(body);
            return Results.Text($"{{\"id\":\"{Interlocked.Increment(ref channel._next)}\"}}", "application/json", statusCode: 201);
        });
        await app.StartAsync();
        channel.ServiceUrl = $"https://127.0.0.1:{connectorPort}/";
        channel.TokenUrl = $"http://127.0.0.1:{tokenPort}/msi/token";
        return channel;
    }

    /// <summary>The newest post id on a card the bot sent, once one arrives after <paramref name="after"/>.</summary>
    public async Task<long> NextPostAsync(long after, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var newest = Sent.SelectMany(b => PostId().Matches(b).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))
                .DefaultIfEmpty(0).Max();
            if (newest > after)
                return newest;
            await Task.Delay(50);
        }
        throw new TimeoutException("the bot sent no question card to the connector");
    }

    [GeneratedRegex("\"post\"\\s*:\\s*\"?(\\d+)")]
    private static partial Regex PostId();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _certificate.Dispose();
        File.Delete(CertificateFile);
    }
}
