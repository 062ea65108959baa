using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Playground;
using Cl37.Bot.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Tests.Platforms.Playground;

/// <summary>Who may use the playground: nobody beyond this machine without an explicit switch and
/// the access key, and nobody becomes an admin by typing an admin's name.</summary>
public sealed class PlaygroundAccessTests
{
    private const string Key = "correct-horse-battery-staple";

    private static object Command(string text, string name, bool admin = false) => new { channel = "general", text, person = new { name, admin } };

    [Theory]
    [InlineData("http://+:8080")]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://*:8080;http://localhost:5080")]
    [InlineData("http://192.168.1.20:8080")]
    public async Task App_NonLoopbackBindEnabledUnset_PlaygroundOff(string urls)
    {
        await using var app = new PlaygroundApp(new Dictionary<string, string?> { ["Playground:Enabled"] = "", ["urls"] = urls });
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/playground/api/config")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/playground/")).StatusCode);
        Assert.DoesNotContain(app.Services.GetServices<IChatPlatform>(), p => p.Name == "playground");
    }

    [Theory]
    [InlineData("http://localhost:5080")]
    [InlineData("http://127.0.0.1:5080;http://[::1]:5080")]
    public async Task App_LoopbackBindEnabledUnset_PlaygroundOnWithoutKey(string urls)
    {
        await using var app = new PlaygroundApp(new Dictionary<string, string?> { ["Playground:Enabled"] = "", ["urls"] = urls });
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/playground/api/config")).StatusCode);
    }

    [Fact]
    public async Task Api_NonLoopbackBindWithKey_RequestsWithoutKey401WithKey200()
    {
        await using var app = new PlaygroundApp(new Dictionary<string, string?>
        {
            ["Playground:Enabled"] = "true",
            ["Playground:AccessKey"] = Key,
            ["urls"] = "http://+:8080",
        });
        using var client = app.CreateClient();

        var page = await client.GetAsync("/playground/");
        var config = await client.GetAsync("/playground/api/config");
        var events = await client.GetAsync("/playground/api/events?channel=general", HttpCompletionOption.ResponseHeadersRead);
        var command = await client.PostAsJsonAsync("/playground/api/commands", Command("/quiz now", "Mallory", admin: true));
        var wrong = new HttpRequestMessage(HttpMethod.Get, "/playground/api/config");
        wrong.Headers.Add("X-Playground-Key", Key + "x");
        var right = new HttpRequestMessage(HttpMethod.Get, "/playground/api/config");
        right.Headers.Add("X-Playground-Key", Key);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, config.StatusCode);
        Assert.Contains("access key", JsonDocument.Parse(await config.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, events.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, command.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(right)).StatusCode);
    }

    [Fact]
    public async Task Access_RightKeyOnce_CookieOpensApiAndStream()
    {
        await using var app = new PlaygroundApp(new Dictionary<string, string?> { ["Playground:AccessKey"] = Key });
        using var client = app.CreateClient();

        var wrong = await client.PostAsJsonAsync("/playground/api/access", new { key = "guess" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/playground/api/config")).StatusCode);

        var right = await client.PostAsJsonAsync("/playground/api/access", new { key = Key });

        Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);
        var cookie = Assert.Single(right.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Key, cookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/playground/api/config")).StatusCode);
        await using var stream = await PlaygroundEventStream.OpenAsync(client);
        Assert.Equal("reset", (await stream.NextAsync()).Type);
    }

    [Theory]
    [InlineData("Tutor")]
    [InlineData("tutor!")]
    [InlineData(" TUTOR ")]
    [InlineData("ｔｕｔｏｒ")]
    public async Task Person_AdminSwitchOffNameOfConfiguredAdmin_RefusedAndNotAdmin(string name)
    {
        await using var app = new PlaygroundApp(new Dictionary<string, string?>
        {
            ["Playground:AllowAdminSwitch"] = "false",
            ["Quiz:Admins:0"] = "playground:tutor",
        });
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/playground/api/commands", Command("/quiz now", name));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("admin", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        var history = JsonDocument.Parse(await client.GetStringAsync("/playground/api/messages?channel=general")).RootElement;
        Assert.Empty(history.GetProperty("messages").EnumerateArray());
    }

    [Theory]
    [InlineData("ad\u200bmin")]
    [InlineData("\u202Enimda")]
    [InlineData("a\u2066dmin\u2069")]
    [InlineData("\uFEFFadmin")]
    [InlineData("ad\u00ADmin")]
    [InlineData("ad\u2028min")]
    public async Task Person_NameWithInvisibleOrBidiCharacters_RefusedWithMessage(string name)
    {
        await using var app = new PlaygroundApp();
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/playground/api/commands", Command("/help", name));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invisible", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    private static WebApplicationBuilder TestServerBuilder(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        return builder;
    }

    [Theory]
    [InlineData("Playground:AccessKey", "short", "Playground:AccessKey must be")]
    [InlineData("Playground:AccessKey", "sixteen chars ok but has spaces", "Playground:AccessKey must be")]
    [InlineData("Playground:MaxStreams", "0", "Playground:MaxStreams must be between")]
    [InlineData("Playground:MaxStreamsPerAddress", "0", "Playground:MaxStreamsPerAddress must be between")]
    [InlineData("Playground:StreamWriteTimeoutSeconds", "0", "Playground:StreamWriteTimeoutSeconds must be between")]
    [InlineData("Playground:StreamSnapshotMessages", "0", "Playground:StreamSnapshotMessages must be between")]
    public async Task Start_InvalidAccessOrStreamSetting_FailsNamingIt(string key, string value, string message)
    {
        await using var app = TestServerBuilder(new() { [key] = value }).AddPlayground().Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task Start_NonLoopbackBindEnabledTrueWithoutKey_FailsNamingAccessKey()
    {
        await using var app = TestServerBuilder(new() { ["Playground:Enabled"] = "true", ["urls"] = "http://+:8080" }).AddPlayground().Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Playground:AccessKey", error.Message);
        Assert.Contains("http://+:8080", error.Message);
    }
}
