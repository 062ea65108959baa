using System.Diagnostics.Metrics;
using System.Net;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams;
using Cl37.Bot.Platforms.Teams.Incoming;
using Cl37.Bot.Platforms.Teams.Kernel;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Cl37.Bot.Platforms.Teams.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Platforms.Teams;

public sealed class TeamsHealthAndMetricsTests
{
    [Fact]
    public async Task CheckHealthAsync_LocalModeIdleInbox_IsHealthyAndSaysLocalMode()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new TeamsOptions { Enabled = true });
        var inbox = new TeamsInbox(null!, NullLogger<TeamsInbox>.Instance);
        var check = new TeamsHealthCheck(options, inbox, new FixedTokenProvider(null), new TeamsConnectorHealth(TimeProvider.System), TeamsTestKit.UnusedKeys(options));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains("local mode", result.Description);
    }

    [Fact]
    public async Task CheckHealthAsync_SendAndUpdateFailing_NamesBothUntilEachSucceeds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var kit = new TeamsTestKit(time);
        var check = new TeamsHealthCheck(kit.Options, new TeamsInbox(null!, NullLogger<TeamsInbox>.Instance), new FixedTokenProvider(null), kit.ConnectorHealth, TeamsTestKit.UnusedKeys(kit.Options));
        const string serviceUrl = "https://smba.trafficmanager.net/emea/";
        const string conversation = "19:a@thread.tacv2";
        Activity Message() => TeamsActivities.Message(OutgoingMessage.PublicText("x"), "28:bot", null, conversation);

        kit.Http.Enqueue(HttpStatusCode.InternalServerError, "", TimeSpan.Zero);
        await Assert.ThrowsAsync<TeamsConnectorException>(() => kit.Connector.SendAsync(serviceUrl, conversation, Message(), default));
        time.Advance(TimeSpan.FromSeconds(1));
        kit.Http.Enqueue(HttpStatusCode.InternalServerError, "", TimeSpan.Zero);
        await Assert.ThrowsAsync<TeamsConnectorException>(() => kit.Connector.UpdateAsync(serviceUrl, conversation, "1", Message(), default));

        var both = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, both.Status);
        Assert.Contains("Bot Connector send failed: HTTP 500", both.Description);
        Assert.Contains("Bot Connector update failed: HTTP 500", both.Description);

        await kit.Connector.UpdateAsync(serviceUrl, conversation, "1", Message(), default);
        var sendOnly = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, sendOnly.Status);
        Assert.Contains("Bot Connector send failed", sendOnly.Description);
        Assert.DoesNotContain("update", sendOnly.Description);

        time.Advance(PlatformFailures.Remembered + TimeSpan.FromSeconds(1));
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [Fact]
    public async Task SendAsync_429ThenSuccess_CountsRequestsRetriesAndThrottles()
    {
        // A meter factory of its own, so sends from tests running in parallel are not counted.
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var measurements = new List<(string Instrument, long Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == TeamsMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (measurements)
                measurements.Add((instrument.Name, value));
        });
        listener.Start();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var kit = new TeamsTestKit(time, meters: meters);
        kit.Http.Enqueue(HttpStatusCode.TooManyRequests, "", TimeSpan.Zero);

        await kit.Connector.SendAsync("https://smba.trafficmanager.net/emea/", "19:a@thread.tacv2",
            TeamsActivities.Message(OutgoingMessage.PublicText("x"), "28:bot", null, "19:a@thread.tacv2"), default);

        lock (measurements)
        {
            Assert.Equal(2, measurements.Count(m => m.Instrument == "cl37_teams_connector_requests"));
            Assert.Equal(1, measurements.Count(m => m.Instrument == "cl37_teams_connector_retries"));
            Assert.Equal(1, measurements.Count(m => m.Instrument == "cl37_teams_connector_throttled"));
        }
    }
}
