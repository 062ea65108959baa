using System.Net;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Messages;
using Cl37.Bot.Platforms.Teams;
using Cl37.Bot.Platforms.Teams.Incoming;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Tests.Platforms.Teams;

/// <summary>The adapter as the host registers it (AddTeams/MapTeams), over an in-memory server.</summary>
public sealed class TeamsEndpointTests
{
    private static async Task<(WebApplication App, HttpClient Client, FakeCommandSink Sink, RecordingHttpHandler Http, InMemoryTeamsConversationStore Store)> StartAsync(
        params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        foreach (var (key, value) in settings)
            builder.Configuration[key] = value;
        var sink = new FakeCommandSink();
        var http = new RecordingHttpHandler();
        var store = new InMemoryTeamsConversationStore();
        // What the host registers for every feature: the clock and the random source.
        builder.Services.AddSingleton(TimeProvider.System).AddSingleton(Random.Shared);
        builder.Services.AddSingleton<IInboundHandler>(sink).AddSingleton(TeamsTestKit.Catalog).AddSingleton<IChatWording, ChatWording>();
        builder.Services.AddSingleton<ITeamsConversationStore>(store);
        builder.AddTeams();
        builder.Services.AddHttpClient(TeamsConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => http);
        var app = builder.Build();
        app.MapTeams();
        await app.StartAsync();
        return (app, app.GetTestClient(), sink, http, store);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string SampleText(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "teams", name + ".json"));

    [Fact]
    public async Task Post_LocalModeMessage_Returns200AtOnceAndRepliesInTheBackground()
    {
        var (app, client, sink, http, store) = await StartAsync(("Teams:Enabled", "true"));
        await using var _ = app;

        var response = await client.PostAsync("/api/messages", Json(SampleText("message-personal")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await http.WaitForAsync(1);
        Assert.Equal("hello", Assert.Single(sink.Commands).Text);
        Assert.Single(store.Saved);
    }

    [Fact]
    public async Task Post_LocalModeInvoke_AnswersWithTheInvokeResponse()
    {
        var (app, client, _, _, _) = await StartAsync(("Teams:Enabled", "true"));
        await using var __ = app;

        var response = await client.PostAsync("/api/messages", Json(SampleText("invoke-adaptiveCard-action")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("""{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{"type":"AdaptiveCard",""", body);
    }

    [Fact]
    public async Task Post_LocalModeWithNonLoopbackServiceUrl_Returns401()
    {
        var (app, client, sink, _, _) = await StartAsync(("Teams:Enabled", "true"));
        await using var _ = app;

        var response = await client.PostAsync("/api/messages", Json(SampleText("message-personal").Replace("http://localhost:56150/_connector", "https://attacker.example/")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(sink.Commands);
    }

    [Fact]
    public async Task Post_AppIdSetAndNoToken_Returns401()
    {
        var (app, client, sink, _, _) = await StartAsync(
            ("Teams:AppId", "5b1d7c0e-5a2b-4f1e-9d43-0c7a6d2e9f10"), ("Teams:AppPassword", "s3cret"), ("Teams:TenantId", "8c1a0f3e-2b4d-4e6f-9a1b-3c5d7e9f1a2b"));
        await using var _ = app;

        var response = await client.PostAsync("/api/messages", Json(SampleText("message-personal")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(sink.Commands);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[1,2]")]
    public async Task Post_NotAnActivity_Returns400(string body)
    {
        var (app, client, _, _, _) = await StartAsync(("Teams:Enabled", "true"));
        await using var _ = app;
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/messages", Json(body))).StatusCode);
    }

    [Fact]
    public void AddTeams_NeitherAppIdNorEnabled_RegistersNothing()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.AddTeams();
        Assert.DoesNotContain(builder.Services, s => s.ServiceType == typeof(TeamsActivityHandler));
    }

    [Theory]
    [InlineData("Teams:AppType", "SingleTenant", "Teams:TenantId is required")]
    [InlineData("Teams:AppType", "UserAssignedMSI", "Teams:AppPassword must be empty")]
    [InlineData("Teams:OpenIdMetadataUrl", "http://login.example/meta", "Teams:OpenIdMetadataUrl")]
    public async Task Start_WrongSetting_FailsNamingTheSetting(string key, string value, string expected)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["Teams:AppId"] = "5b1d7c0e-5a2b-4f1e-9d43-0c7a6d2e9f10";
        builder.Configuration["Teams:AppPassword"] = "s3cret-value";
        builder.Configuration[key] = value;
        builder.Services.TryAddSingleton<IInboundHandler>(new FakeCommandSink());
        builder.AddTeams();
        await using var app = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(expected, ex.Message);
        Assert.DoesNotContain("s3cret-value", ex.Message);
    }
}
