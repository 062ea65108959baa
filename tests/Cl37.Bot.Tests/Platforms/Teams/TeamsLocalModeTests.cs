using System.Net;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Cl37.Bot.Platforms.Teams.Wire;
using Cl37.Bot.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Tests.Platforms.Teams;

/// <summary>Local mode (Teams on without an app id) authenticates nobody: it does not start on a
/// public bind unless allowed, takes activities from this machine only, and calls loopback serviceUrls only.</summary>
public sealed class TeamsLocalModeTests
{
    private static WebApplication Build(RecordingHttpHandler http, InMemoryTeamsConversationStore store, IPAddress? remote, params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        foreach (var (key, value) in settings)
            builder.Configuration[key] = value;
        builder.Services.AddSingleton(TimeProvider.System).AddSingleton(Random.Shared);
        builder.Services.AddSingleton<IInboundHandler>(new FakeCommandSink());
        builder.Services.AddSingleton<ITeamsConversationStore>(store);
        if (remote is not null)
            builder.Services.AddSingleton<IStartupFilter>(new RemoteAddress(remote));
        builder.AddTeams();
        builder.Services.AddHttpClient(TeamsConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => http);
        var app = builder.Build();
        app.MapTeams();
        return app;
    }

    [Theory]
    [InlineData("http://0.0.0.0:3978")]
    [InlineData("http://+:8080")]
    [InlineData("http://192.168.1.20:3978")]
    public async Task Start_LocalModeOnPublicBind_FailsNamingTheAddressAndTheSetting(string urls)
    {
        await using var app = Build(new RecordingHttpHandler(), new InMemoryTeamsConversationStore(), null, ("Teams:Enabled", "true"), ("urls", urls));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(urls, error.Message);
        Assert.Contains("Teams:AllowLocalModeBeyondLoopback", error.Message);
    }

    [Fact]
    public async Task Start_LocalModeOnPublicBindExplicitlyAllowed_Starts()
    {
        await using var app = Build(new RecordingHttpHandler(), new InMemoryTeamsConversationStore(), null,
            ("Teams:Enabled", "true"), ("urls", "http://0.0.0.0:3978"), ("Teams:AllowLocalModeBeyondLoopback", "true"));

        await app.StartAsync();
    }

    [Fact]
    public async Task Post_LocalModeActivityFromAnotherMachine_401()
    {
        await using var app = Build(new RecordingHttpHandler(), new InMemoryTeamsConversationStore(), RemoteAddress.Stranger, ("Teams:Enabled", "true"));
        await app.StartAsync();
        var body = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "teams", "message-personal.json"));

        var response = await app.GetTestClient().PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("https://attacker.example/")]
    [InlineData("http://10.0.0.7:8080/")]
    [InlineData("http://localhost.attacker.example/")]
    public async Task Post_LocalModeStoredReferenceToAnotherMachine_NeverCalled(string serviceUrl)
    {
        var http = new RecordingHttpHandler();
        var store = new InMemoryTeamsConversationStore();
        var channel = new ChannelRef("teams", "team-1", "19:general@thread.tacv2");
        await store.SaveAsync(channel, new TeamsConversationReference { ServiceUrl = serviceUrl, ConversationId = "19:general@thread.tacv2" }, CancellationToken.None);
        await using var app = Build(http, store, null, ("Teams:Enabled", "true"));
        await app.StartAsync();
        var teams = app.Services.GetServices<IChatPlatform>().Single(p => p.Name == "teams");

        var error = await Assert.ThrowsAsync<TeamsConnectorException>(() => teams.PostAsync(channel, OutgoingMessage.PublicText("hello"), CancellationToken.None));

        Assert.Contains("loopback", error.Message);
        Assert.Empty(http.Requests);
    }
}
