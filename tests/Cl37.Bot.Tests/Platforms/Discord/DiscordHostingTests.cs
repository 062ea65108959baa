using Cl37.Bot.Tests.Scheduling;
using System.Text.Json;
using Cl37.Bot.Commands;
using Cl37.Bot.Platforms.Discord;
using Cl37.Bot.Platforms.Discord.Incoming;
using Cl37.Bot.Platforms.Discord.Kernel;
using Cl37.Bot.Tests.Fakes;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Tests.Platforms.Discord;

/// <summary>AddDiscord/MapDiscord wiring: start-up validation, the health check, command registration.</summary>
public sealed class DiscordHostingTests
{
    [Fact]
    public async Task Start_InvalidSettings_FailsNamingTheSetting()
    {
        await using var host = await DiscordTestHost.CreateAsync(null, settings: new Dictionary<string, string?> { ["Discord:ApplicationId"] = "not-an-id" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.App.StartAsync());

        Assert.Contains("Discord:ApplicationId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RegisterCommandsForTwoGuilds_PutsTheCatalogToEach()
    {
        await using var fake = await FakeDiscordServer.StartAsync();
        await using var host = await DiscordTestHost.CreateAsync(fake, settings: new Dictionary<string, string?>
        {
            ["Discord:Mode"] = "Http",
            ["Discord:RegisterCommands"] = "true",
            ["Discord:GuildIds:0"] = "290926798626357999",
            ["Discord:GuildIds:1"] = "290926798626358000",
        }, start: true);

        await Eventually.TrueAsync(() => fake.RequestsTo("PUT", "applications/").Count >= 2, "both guilds' command registrations");

        var puts = fake.RequestsTo("PUT", "applications/");
        Assert.Equal(["applications/1100/guilds/290926798626357999/commands", "applications/1100/guilds/290926798626358000/commands"], puts.Select(p => p.Path).Order());
        var body = puts[0].Json;
        Assert.Equal(CommandRegistrations.Catalog().All.Count, body.GetArrayLength());
        Assert.All(puts, p => Assert.Equal("Bot " + DiscordTestHost.Token, p.Authorization));
    }

    [Fact]
    public async Task Start_NoApplicationId_LooksItUpThenRegisters()
    {
        await using var fake = await FakeDiscordServer.StartAsync();
        await using var host = await DiscordTestHost.CreateAsync(fake, settings: new Dictionary<string, string?>
        {
            ["Discord:Mode"] = "Http",
            ["Discord:ApplicationId"] = "",
            ["Discord:RegisterCommands"] = "true",
        }, start: true);

        await Eventually.TrueAsync(() => fake.RequestsTo("PUT", "applications/").Count >= 1, "the command registration");

        Assert.Single(fake.RequestsTo("GET", "applications/@me"));
        Assert.Equal("applications/1100/commands", Assert.Single(fake.RequestsTo("PUT", "applications/")).Path);
    }

    [Fact]
    public async Task Start_CommandsAlreadyCurrent_AreNotPutAgain()
    {
        await using var fake = await FakeDiscordServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Mode"] = "Http",
            ["Discord:RegisterCommands"] = "true",
        };
        await using (var first = await DiscordTestHost.CreateAsync(fake, settings: settings, start: true))
        {
            await Eventually.TrueAsync(() => fake.RequestsTo("PUT", "applications/").Count >= 1, "the command registration");
        }

        await using var second = await DiscordTestHost.CreateAsync(fake, settings: settings, start: true);
        await Eventually.TrueAsync(() => second.Logs.Lines.Any(l => l.Contains("up to date", StringComparison.Ordinal)), "the second start to find the commands up to date");

        Assert.Equal("applications/1100/commands", Assert.Single(fake.RequestsTo("PUT", "applications/")).Path);
        Assert.Equal(2, fake.RequestsTo("GET", "applications/1100/commands").Count);
        Assert.Contains(second.Logs.Lines, l => l.Contains("up to date", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_ServerRefusesMinAndMaxValues_RegistersEveryCommandWithoutThem()
    {
        await using var fake = await FakeDiscordServer.StartAsync();
        fake.RefusedOptionFields.UnionWith(["min_value", "max_value"]);
        await using var host = await RegisteringHostAsync(fake);

        var puts = fake.RequestsTo("PUT", "applications/");
        Assert.Equal(2, puts.Count);
        var registered = JsonDocument.Parse(fake.RegisteredCommands["applications/1100/commands"]).RootElement;
        Assert.Equal(CommandRegistrations.Catalog().All.Select(c => c.Name), registered.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.DoesNotContain("min_value", registered.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(host.Logs.Lines, l => l.Contains("options.1.options.0.min_value of /calc", StringComparison.Ordinal) && l.Contains("unbounded", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Lines, l => l.Contains($"Registered {CommandRegistrations.Catalog().All.Count} Discord slash commands", StringComparison.Ordinal));
        Assert.Equal(HealthStatus.Healthy, (await DiscordHealthAsync(host)).Status);
    }

    [Fact]
    public async Task Start_ServerRefusesNumberOptions_RegistersThemAsText()
    {
        await using var fake = await FakeDiscordServer.StartAsync();
        fake.RefusedOptionTypes.Add(10);
        await using var host = await RegisteringHostAsync(fake);

        var registered = JsonDocument.Parse(fake.RegisteredCommands["applications/1100/commands"]).RootElement;
        var calc = registered.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "calc");
        var servers = calc.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "servers");
        var peak = servers.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "peak");
        Assert.Equal(3, peak.GetProperty("type").GetInt32());
        Assert.False(peak.TryGetProperty("min_value", out _));
        Assert.Equal(HealthStatus.Healthy, (await DiscordHealthAsync(host)).Status);
    }

    [Fact]
    public async Task Start_ServerRefusesChoices_RegistersTheOtherCommandsAndReportsDegraded()
    {
        await using var fake = await FakeDiscordServer.StartAsync();
        fake.RefusedOptionFields.Add("choices");
        await using var host = await RegisteringHostAsync(fake);

        var registered = JsonDocument.Parse(fake.RegisteredCommands["applications/1100/commands"]).RootElement;
        Assert.Equal(["stats", "competition", "calc", "formulas", "revise", "help"], registered.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Contains(host.Logs.Lines, l => l.Contains("Discord refused /quiz globally (options.4.options.0.options.4.choices", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Lines, l => l.Contains("Registered 6 of 8 Discord slash commands globally; Discord refused /quiz, /leaderboard", StringComparison.Ordinal));
        // The registrar logs before its caller records the refused commands for the health check.
        var health = await DiscordHealthAsync(host);
        for (var i = 0; i < 500 && health.Status == HealthStatus.Healthy; i++)
        {
            await Task.Delay(10);
            health = await DiscordHealthAsync(host);
        }
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Equal("Discord has not registered these slash commands: /quiz, /leaderboard; see the log.", health.Description);
    }

    private static async Task<DiscordTestHost> RegisteringHostAsync(FakeDiscordServer fake)
    {
        var host = await DiscordTestHost.CreateAsync(fake, settings: new Dictionary<string, string?>
        {
            ["Discord:Mode"] = "Http",
            ["Discord:RegisterCommands"] = "true",
        }, start: true);
        await Eventually.TrueAsync(() => host.Logs.Lines.Any(l => l.Contains("Discord slash commands globally", StringComparison.Ordinal)), "the registration log line");
        return host;
    }

    private static async Task<HealthReportEntry> DiscordHealthAsync(DiscordTestHost host) =>
        (await host.Get<HealthCheckService>().CheckHealthAsync()).Entries["discord"];

    [Fact]
    public async Task HealthCheck_ReportsEachState()
    {
        var state = new DiscordConnectionState();
        var check = new DiscordHealthCheck(state);

        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        state.Set(DiscordConnectionState.Kind.Connecting);
        Assert.Equal(HealthStatus.Degraded, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        state.Set(DiscordConnectionState.Kind.Ready);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        state.Set(DiscordConnectionState.Kind.Stopped, "authentication failed (close 4004)");
        var stopped = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, stopped.Status);
        Assert.Contains("4004", stopped.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapDiscord_GatewayMode_DoesNotExposeTheEndpoint()
    {
        await using var host = await DiscordTestHost.CreateAsync(null, start: true);
        using var http = new HttpClient { BaseAddress = host.BaseUri };

        using var response = await http.PostAsync(DiscordInteractionsEndpoint.Path, new StringContent("{}"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
