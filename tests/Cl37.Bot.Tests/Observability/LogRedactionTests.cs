using System.Text.Json;
using Cl37.Bot.Tests.Hosting;

namespace Cl37.Bot.Tests.Observability;

/// <summary>Runs the real app with fake secrets set, at the most verbose level, sends it requests that
/// carry credentials the way Discord and Teams send them, stops it, and searches everything it printed.</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class LogRedactionTests
{
    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["Discord__Token"] = "MTAxNzY0NzQ3NTk1NTI0MTA5Mg.GxYzAb.FAKEfakeFAKEfakeFAKEfakeFAKE1",
        ["Discord__PublicKey"] = "f00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeed",
        ["Teams__AppPassword"] = "fake~Teams~AppPassword~0123456789",
        ["Teams__ClientSecret"] = "fake-teams-client-secret-abcdef",
    };

    private const string Jwt = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmYWtlLXVzZXIiLCJhdWQiOiJjbDM3In0.ZmFrZS1zaWduYXR1cmUtYnl0ZXM";
    private const string Signature = "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";

    [Theory]
    [InlineData("Plain")]
    [InlineData("Json")]
    public async Task Run_WithFakeSecretsSet_LogsNeverContainThem(string format)
    {
        var settings = new Dictionary<string, string>(Secrets)
        {
            ["Logging__Format"] = format,
            // The Discord adapter starts with the fake token; it must only ever reach 127.0.0.1.
            ["Discord__ApiBaseUrl"] = "http://127.0.0.1:9/api/v10",
            ["Logging__LogLevel__Default"] = "Trace",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Trace",
        };
        await using var app = AppProcess.Start(settings);
        await app.WaitReadyAsync();

        using (var client = new HttpClient { BaseAddress = app.BaseAddress })
        {
            foreach (var path in new[] { "/health/ready", "/interactions", "/api/messages", "/api/interactions" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("""{"type":1,"token":"aW50ZXJhY3Rpb24tdG9rZW4tZmFrZQ"}""") };
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Jwt);
                request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", Signature);
                request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", "1764150000");
                using var _ = await client.SendAsync(request);
            }
        }
        Assert.Equal(0, await app.StopAsync());
        var logs = app.Output;

        Assert.Contains("Application is shutting down", logs);
        Assert.Contains("Request starting", logs);
        foreach (var (key, secret) in Secrets)
            Assert.False(logs.Contains(secret, StringComparison.Ordinal), $"{key} leaked into the logs");
        Assert.DoesNotContain(Jwt, logs);
        Assert.DoesNotContain(Signature, logs);
        if (format == "Json")
        {
            foreach (var line in logs.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind);
        }
    }
}
