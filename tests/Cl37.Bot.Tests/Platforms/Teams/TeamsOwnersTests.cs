using System.Net;
using Cl37.Bot.Commands;
using Cl37.Bot.Platforms.Teams;
using Cl37.Bot.Platforms.Teams.Kernel;
using Cl37.Bot.Platforms.Teams.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Platforms.Teams;

/// <summary>Team owners are admins: read from Microsoft Graph (a loopback fake here) with an app
/// token for the team's tenant, cached per team.</summary>
public sealed class TeamsOwnersTests : IAsyncLifetime
{
    private const string Team = "19:team@thread.tacv2";
    private const string Group = "02bd9fd6-8f93-4758-87c3-1fb73740a315";
    private const string OwnerAad = "aad-owner";
    private const string MemberAad = "aad-member";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    private LoopbackGraphServer _graph = null!;
    private TeamsTestKit _kit = null!;

    public async Task InitializeAsync()
    {
        _graph = await LoopbackGraphServer.StartAsync();
        _graph.Teams[Group] = [("aad-a", []), (MemberAad, []), ("aad-guest", ["guest"]), (OwnerAad, ["owner"])];
        _kit = Kit(new TeamsOptions
        {
            AppId = "5b1d7c0e-5a2b-4f1e-9d43-0c7a6d2e9f10",
            AppPassword = "s3cret",
            TenantId = "tenant-1",
            GraphBaseUrl = _graph.BaseUrl,
        });
    }

    public async Task DisposeAsync()
    {
        await _graph.DisposeAsync();
        await _services.DisposeAsync();
    }

    private TeamsTestKit Kit(TeamsOptions options) =>
        new(_time, options, new FixedTokenProvider("bot-token"), graphHttp: _services.GetRequiredService<IHttpClientFactory>());

    private static Activity ChannelMessage(string aad, string? groupId = Group)
    {
        var message = TeamsActivityHandlerTests.Sample("message-personal");
        message.ServiceUrl = "https://smba.trafficmanager.net/emea/";
        message.From = new ChannelAccount { Id = "29:" + aad, Name = aad, AadObjectId = aad };
        message.Conversation = new ConversationAccount { Id = Team + ";messageid=1700", ConversationType = "channel", TenantId = "tenant-1" };
        message.ChannelData = new TeamsChannelData { Team = new TeamInfo { Id = Team, AadGroupId = groupId }, Channel = new IdName { Id = Team } };
        message.Text = "quiz now";
        return message;
    }

    [Fact]
    public async Task HandleAsync_TeamOwnerPerGraph_IsPlatformAdminAndCached()
    {
        var handler = _kit.Handler();

        await handler.HandleAsync(ChannelMessage(OwnerAad), default);
        await handler.HandleAsync(ChannelMessage(MemberAad), default);
        await handler.HandleAsync(ChannelMessage(OwnerAad), default);

        Assert.Equal([true, false, true], _kit.Sink.Commands.Select(c => c.User.IsPlatformAdmin));
        Assert.Equal([$"/v1.0/teams/{Group}/members", $"/v1.0/teams/{Group}/members?page=2"], _graph.Requests);
        Assert.Equal("tenant-1", Assert.Single(_kit.GraphTokens.Tenants));
    }

    [Fact]
    public async Task HandleAsync_CacheExpired_ReadsTheOwnersAgain()
    {
        var handler = _kit.Handler();
        await handler.HandleAsync(ChannelMessage(MemberAad), default);
        _graph.Teams[Group] = [(MemberAad, ["owner"])];

        _time.Advance(TimeSpan.FromMinutes(11));
        await handler.HandleAsync(ChannelMessage(MemberAad), default);

        Assert.Equal([false, true], _kit.Sink.Commands.Select(c => c.User.IsPlatformAdmin));
    }

    [Fact]
    public async Task HandleAsync_ActivityWithoutGroupId_LooksItUpFromTheConnectorOnce()
    {
        var handler = _kit.Handler();
        _kit.Http.Enqueue(HttpStatusCode.OK, $$"""{"id":"{{Team}}","name":"Study group","aadGroupId":"{{Group}}"}""");

        await handler.HandleAsync(ChannelMessage(OwnerAad, groupId: null), default);
        _time.Advance(TimeSpan.FromMinutes(11));
        await handler.HandleAsync(ChannelMessage(OwnerAad, groupId: null), default);

        Assert.All(_kit.Sink.Commands, c => Assert.True(c.User.IsPlatformAdmin));
        Assert.Single(_kit.Http.Requests, r => r.Url == "https://smba.trafficmanager.net/emea/v3/teams/19%3Ateam%40thread.tacv2");
    }

    [Fact]
    public async Task HandleAsync_GraphFails_NotAnAdminAndRetriedAfterAMinute()
    {
        var handler = _kit.Handler();
        _graph.Failing = true;

        await handler.HandleAsync(ChannelMessage(OwnerAad), default);
        await handler.HandleAsync(ChannelMessage(OwnerAad), default);
        Assert.Single(_graph.Requests);

        _graph.Failing = false;
        _time.Advance(TimeSpan.FromMinutes(1));
        await handler.HandleAsync(ChannelMessage(OwnerAad), default);

        Assert.Equal([false, false, true], _kit.Sink.Commands.Select(c => c.User.IsPlatformAdmin));
    }

    [Fact]
    public async Task HandleAsync_LocalMode_HasNoOwnersAndNeverCallsGraph()
    {
        var kit = Kit(new TeamsOptions { Enabled = true, GraphBaseUrl = _graph.BaseUrl });

        await kit.Handler().HandleAsync(ChannelMessage(OwnerAad), default);

        Assert.False(Assert.Single(kit.Sink.Commands).User.IsPlatformAdmin);
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public void Build_Manifest_DeclaresTheTeamMemberReadGroupPermission()
    {
        var manifest = TeamsManifest.Build("5b1d7c0e-5a2b-4f1e-9d43-0c7a6d2e9f10", CommandRegistrations.Catalog());

        Assert.Equal(
            """{"resourceSpecific":[{"name":"TeamMember.Read.Group","type":"Application"},{"name":"ChannelMessage.Read.Group","type":"Application"}]}""",
            manifest["authorization"]!["permissions"]!.ToJsonString());
        Assert.Equal("5b1d7c0e-5a2b-4f1e-9d43-0c7a6d2e9f10", (string?)manifest["webApplicationInfo"]!["id"]);
    }
}
