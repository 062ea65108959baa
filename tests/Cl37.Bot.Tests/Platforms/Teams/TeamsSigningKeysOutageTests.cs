using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Messages;
using Cl37.Bot.Platforms.Teams;
using Cl37.Bot.Platforms.Teams.Incoming;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cl37.Bot.Tests.Platforms.Teams;

/// <summary>The Bot Framework's OpenID metadata unreachable while Teams:AppId is set: 503 with
/// Retry-After for tokens only fresh keys could decide, 401 for every other bad token, one warning
/// per outage, and no more than one refresh per five minutes for unknown key ids.</summary>
public sealed class TeamsSigningKeysOutageTests : IAsyncLifetime
{
    private const string AppId = "5b1d7c0e-5a2b-4f1e-9d43-0c7a6d2e9f10";
    private const string ServiceUrl = "http://localhost:56150/_connector";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly RsaSecurityKey TeamsKey = LoopbackOpenIdServer.NewKey("teams-key");
    private static readonly RsaSecurityKey RolledKey = LoopbackOpenIdServer.NewKey("rolled-key");

    private readonly FakeTimeProvider _time = new(Now);
    private readonly WarningLog _log = new();
    private LoopbackOpenIdServer _keys = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _keys = await LoopbackOpenIdServer.StartAsync();
        _keys.Publish(TeamsKey, "msteams");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["Teams:AppId"] = AppId;
        builder.Configuration["Teams:AppPassword"] = "s3cret";
        builder.Configuration["Teams:TenantId"] = "8c1a0f3e-2b4d-4e6f-9a1b-3c5d7e9f1a2b";
        builder.Configuration["Teams:OpenIdMetadataUrl"] = _keys.MetadataUrl;
        builder.Logging.ClearProviders().AddProvider(_log);
        builder.Services.AddSingleton<TimeProvider>(_time).AddSingleton(Random.Shared);
        builder.Services.AddSingleton<IInboundHandler>(new FakeCommandSink()).AddSingleton(TeamsTestKit.Catalog).AddSingleton<IChatWording, ChatWording>();
        builder.Services.AddSingleton<ITeamsConversationStore>(new InMemoryTeamsConversationStore());
        builder.AddTeams();
        builder.Services.AddSingleton<IBotTokenProvider>(new FixedTokenProvider(null));
        builder.Services.AddHttpClient(TeamsConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new RecordingHttpHandler());
        _app = builder.Build();
        _app.MapTeams();
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _keys.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string token)
    {
        var body = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "teams", "message-personal.json"));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _client.SendAsync(request);
    }

    private static string Token(SecurityKey key, string audience = AppId) => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = BotTokenValidator.ChannelIssuer,
        Audience = audience,
        Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
        Subject = new ClaimsIdentity([new Claim("appid", "channel")]),
        IssuedAt = Now.AddMinutes(-1).UtcDateTime,
        NotBefore = Now.AddMinutes(-1).UtcDateTime,
        Expires = Now.AddMinutes(59).UtcDateTime,
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
    });

    [Fact]
    public async Task Post_KeysUnreachableAndTokenFromAnUnknownKey_Returns503WithRetryAfterAndWarnsOnce()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Token(TeamsKey))).StatusCode);
        _keys.Failing = true;

        for (var i = 0; i < 10; i++)
        {
            var response = await PostAsync(Token(RolledKey));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        }

        Assert.Equal(2, _keys.MetadataRequests); // the first load, then one refresh for the unknown key id
        Assert.Single(_log.Warnings, w => w.Category == typeof(BotSigningKeys).FullName);
        Assert.True(_log.Errors.IsEmpty, string.Join("\n", _log.Errors));
    }

    [Fact]
    public async Task Post_KeysUnreachableAndTokenBadForAnotherReason_Returns401()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Token(TeamsKey))).StatusCode);
        _keys.Failing = true;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await PostAsync(Token(RolledKey))).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(Token(TeamsKey, audience: "someone-else"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("not-a-jwt")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Token(TeamsKey))).StatusCode);
    }

    [Fact]
    public async Task Post_KeysUnreachable_RefreshesAtMostOncePerFiveMinutesAndRecovers()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Token(TeamsKey))).StatusCode);
        _keys.Failing = true;
        for (var i = 0; i < 5; i++)
            await PostAsync(Token(RolledKey));
        _time.Advance(TimeSpan.FromMinutes(4));
        await PostAsync(Token(RolledKey));
        Assert.Equal(2, _keys.MetadataRequests);

        _keys.Failing = false;
        _keys.Publish(RolledKey, "msteams");
        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Token(RolledKey))).StatusCode);
        Assert.Equal(3, _keys.MetadataRequests);
        Assert.Single(_log.Warnings, w => w.Category == typeof(BotSigningKeys).FullName);
    }

    [Fact]
    public async Task Post_KeysNeverLoaded_Returns503AndDoesNotFetchPerRequest()
    {
        _keys.Failing = true;

        for (var i = 0; i < 10; i++)
        {
            var response = await PostAsync(Token(TeamsKey));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
        }

        Assert.Equal(1, _keys.MetadataRequests);
        Assert.Single(_log.Warnings, w => w.Category == typeof(BotSigningKeys).FullName);
        Assert.Empty(_log.Errors);

        _keys.Failing = false;
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Token(TeamsKey))).StatusCode);
    }

    [Fact]
    public async Task Health_KeysNeverLoadable_TeamsDegradedNamingTheKeys()
    {
        _keys.Failing = true;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await PostAsync(Token(TeamsKey))).StatusCode);

        var teams = await TeamsHealthAsync();

        Assert.Equal(HealthStatus.Degraded, teams.Status);
        Assert.Equal($"Teams: no Bot Framework signing keys: they cannot be fetched from {_keys.MetadataUrl}, so every Teams request is turned away (503)", teams.Description);
    }

    [Fact]
    public async Task Health_KeysHeldButRefreshFails_TeamsDegradedUntilTheyRefresh()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Token(TeamsKey))).StatusCode);
        Assert.Equal(HealthStatus.Healthy, (await TeamsHealthAsync()).Status);
        _keys.Failing = true;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await PostAsync(Token(RolledKey))).StatusCode);

        var failing = await TeamsHealthAsync();
        Assert.Equal(HealthStatus.Degraded, failing.Status);
        Assert.Contains("signing keys cannot be refreshed", failing.Description);

        _keys.Failing = false;
        _keys.Publish(RolledKey, "msteams");
        _time.Advance(BotSigningKeys.MinRefreshInterval);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Token(RolledKey))).StatusCode);
        Assert.Equal(HealthStatus.Healthy, (await TeamsHealthAsync()).Status);
    }

    private async Task<HealthReportEntry> TeamsHealthAsync() =>
        (await _app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "teams")).Entries["teams"];

    private sealed class WarningLog : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, string Message)> Warnings { get; } = new();
        public ConcurrentQueue<(string Category, string Message)> Errors { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(WarningLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel == LogLevel.Warning)
                    log.Warnings.Enqueue((category, formatter(state, exception)));
                else if (logLevel >= LogLevel.Error)
                    log.Errors.Enqueue((category, formatter(state, exception)));
            }
        }
    }
}
