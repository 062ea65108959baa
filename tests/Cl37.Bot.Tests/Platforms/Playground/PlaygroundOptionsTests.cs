using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Playground;
using Cl37.Bot.Platforms.Playground.Kernel;
using Cl37.Bot.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Tests.Platforms.Playground;

public sealed class PlaygroundOptionsTests
{
    [Theory]
    [InlineData(null, null, null, "http://localhost:5080", true)]
    [InlineData(null, "token", null, "http://localhost:5080", false)]
    [InlineData(null, null, "app-id", "http://localhost:5080", false)]
    [InlineData(true, "token", "app-id", "http://localhost:5080", true)]
    [InlineData(false, null, null, "http://localhost:5080", false)]
    [InlineData(null, null, null, "http://+:8080", false)]
    [InlineData(true, null, null, "http://+:8080", true)]
    [InlineData(false, null, null, "http://+:8080", false)]
    public void IsEnabled_Settings_OnOnlyWithoutCredentialsOnLoopbackUnlessExplicit(bool? enabled, string? discordToken, string? teamsAppId, string urls, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = discordToken,
            ["Teams:AppId"] = teamsAppId,
            ["urls"] = urls,
        }).Build();

        Assert.Equal(expected, new PlaygroundOptions { Enabled = enabled }.IsEnabled(configuration, PlaygroundBinding.From(configuration)));
    }

    [Fact]
    public async Task App_DiscordTokenAndEnabledUnset_PlaygroundOff()
    {
        await using var app = new PlaygroundApp(new Dictionary<string, string?> { ["Playground:Enabled"] = "", ["Discord:Token"] = "abc" });
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/playground/api/config")).StatusCode);
        Assert.DoesNotContain(app.Services.GetServices<IChatPlatform>(), p => p.Name == "playground");
    }

    [Fact]
    public async Task App_DiscordTokenAndEnabledTrue_PlaygroundOnBeside()
    {
        await using var app = new PlaygroundApp(new Dictionary<string, string?> { ["Playground:Enabled"] = "true", ["Discord:Token"] = "abc" });
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/playground/api/config")).StatusCode);
    }

    // A bare host with only the playground: the whole app's failing start races inside
    // WebApplicationFactory (it may report ObjectDisposedException instead of the real cause).
    private static WebApplicationBuilder Builder(string key, string value)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder;
    }

    [Theory]
    [InlineData("Playground:HistoryLimit", "1", "Playground:HistoryLimit must be between")]
    [InlineData("Playground:Channels:0", "Not A Channel", "Playground:Channels contains 'Not A Channel'")]
    [InlineData("Playground:Room", "", "Playground:Room must be")]
    [InlineData("Playground:MaxRequestBytes", "10", "Playground:MaxRequestBytes must be between")]
    [InlineData("Playground:MaxQueuedEvents", "1", "Playground:MaxQueuedEvents must be between")]
    public async Task Start_InvalidSetting_FailsNamingIt(string key, string value, string message)
    {
        await using var app = Builder(key, value).AddPlayground().Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void AddPlayground_EnabledNotABoolean_FailsNamingIt()
    {
        var builder = Builder("Playground:Enabled", "maybe");

        var error = Assert.ThrowsAny<InvalidOperationException>(() => builder.AddPlayground());

        Assert.Contains("Playground:Enabled", error.Message);
    }

    [Fact]
    public async Task AdminSwitch_Disallowed_AdminBoxIgnoredAndNobodyIsAdmin()
    {
        await using var app = new PlaygroundApp(new Dictionary<string, string?>
        {
            ["Playground:AllowAdminSwitch"] = "false",
            ["Quiz:Admins:0"] = "playground:tutor",
        });
        using var client = app.CreateClient();

        var config = JsonDocument.Parse(await client.GetStringAsync("/playground/api/config")).RootElement;
        var pretender = await client.PostAsJsonAsync("/playground/api/commands", new { text = "/quiz now", person = new { name = "Mallory", admin = true } });

        Assert.False(config.GetProperty("allowAdminSwitch").GetBoolean());
        Assert.Contains("Only admins", await pretender.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Channels_Configured_EachKeepsItsOwnMessages()
    {
        await using var app = new PlaygroundApp(new Dictionary<string, string?> { ["Playground:Channels:0"] = "general", ["Playground:Channels:1"] = "revision" });
        using var client = app.CreateClient();
        await using var general = await PlaygroundEventStream.OpenAsync(client, "general");
        await general.NextAsync();

        await client.PostAsJsonAsync("/playground/api/commands", new { channel = "revision", text = "/calc servers 200 50", person = new { name = "Ann" } });
        await client.PostAsJsonAsync("/playground/api/commands", new { channel = "general", text = "/calc servers 300 50", person = new { name = "Ann" } });

        var next = await general.NextAsync();
        Assert.Equal("/calc servers 300 50", next.Data.GetProperty("invokedBy").GetProperty("text").GetString());
        var revision = JsonDocument.Parse(await client.GetStringAsync("/playground/api/messages?channel=revision")).RootElement;
        Assert.Equal("/calc servers 200 50", revision.GetProperty("messages").EnumerateArray().Single().GetProperty("invokedBy").GetProperty("text").GetString());
    }

    [Fact]
    public async Task App_OnKestrelWhileAnotherProgramHoldsTheDefaultPort_StartsOnItsOwnAddress()
    {
        // The default Urls (appsettings.json) name localhost:5080; a bot or playground someone runs on
        // this machine holds it. Already held by another program is the same case.
        using var holder = TryListen(5080);
        await using var app = new PlaygroundApp(kestrel: true);

        var address = app.StartKestrel();

        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(5080, address.Port);
    }

    private static System.Net.Sockets.TcpListener? TryListen(int port)
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return listener;
        }
        catch (System.Net.Sockets.SocketException)
        {
            listener.Dispose();
            return null;
        }
    }

    [Fact]
    public async Task App_OnKestrel_LogsOneLineWithTheAddress()
    {
        await using var app = new PlaygroundApp(kestrel: true);

        var address = app.StartKestrel();

        // Logged from an ApplicationStarted callback, which may still be running when the test host
        // (notified by its own callback on the same token) returns from StartKestrel.
        List<string> Lines() => [.. app.Logs.Entries.Where(e => e.Message.StartsWith("Playground: ", StringComparison.Ordinal)).Select(e => e.Message)];
        await Scheduling.Eventually.TrueAsync(() => Task.FromResult(Lines().Count > 0), "the playground address to be logged");
        Assert.Equal($"Playground: http://127.0.0.1:{address.Port}", Assert.Single(Lines()));
    }
}
