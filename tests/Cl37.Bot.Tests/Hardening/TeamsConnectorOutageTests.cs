using System.Net;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams;
using Cl37.Bot.Platforms.Teams.Incoming;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Cl37.Bot.Platforms.Teams.Wire;
using Cl37.Bot.Tests.Platforms.Teams;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Hardening;

/// <summary>The Bot Connector down (502 on every try): the post fails loudly after its retries, so the
/// quiz poster keeps it owed and retries later (see <see cref="ScheduleFaultTests"/>); when the
/// connector is back, the retry sends exactly one activity. Health shows Teams degraded meanwhile.</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class TeamsConnectorOutageTests
{
    private static readonly ChannelRef Channel = new("teams", "19:team@thread.tacv2", "19:general@thread.tacv2");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly TeamsTestKit _kit;

    public TeamsConnectorOutageTests() => _kit = new TeamsTestKit(_time);

    [Fact]
    public async Task PostAsync_ConnectorAnswers502ThroughEveryRetry_ThrowsThenOneActivityWhenBack()
    {
        await _kit.Store.SaveAsync(Channel, new TeamsConversationReference
        {
            ServiceUrl = "https://smba.trafficmanager.net/emea/",
            ConversationId = "19:general@thread.tacv2",
            BotId = "28:bot",
            BotName = "Quiz Bot",
            TenantId = "tenant-1",
        }, default);
        for (var i = 0; i <= TeamsConnectorClient.MaxRetries; i++)
            _kit.Http.Enqueue(HttpStatusCode.BadGateway, """{"error":{"code":"ServiceError","message":"upstream down"}}""");
        var platform = _kit.Platform();

        var down = platform.PostAsync(Channel, OutgoingMessage.PublicText("Daily question"), default);
        for (var i = 0; i < 2000 && !down.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(2);
        }

        Assert.True(down.IsCompleted, "the post neither finished nor gave up");
        await Assert.ThrowsAnyAsync<Exception>(() => down);
        Assert.Equal(TeamsConnectorClient.MaxRetries + 1, _kit.Http.Requests.Count);
        var check = new TeamsHealthCheck(_kit.Options, new TeamsInbox(null!, Microsoft.Extensions.Logging.Abstractions.NullLogger<TeamsInbox>.Instance), new FixedTokenProvider(null), _kit.ConnectorHealth, TeamsTestKit.UnusedKeys(_kit.Options));
        var degraded = await check.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, degraded.Status);
        Assert.Contains("HTTP 502", degraded.Description);

        var id = await platform.PostAsync(Channel, OutgoingMessage.PublicText("Daily question"), default);

        Assert.StartsWith("activity-", id);
        Assert.Equal(TeamsConnectorClient.MaxRetries + 2, _kit.Http.Requests.Count);
        var healthy = await check.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, healthy.Status);
    }
}
