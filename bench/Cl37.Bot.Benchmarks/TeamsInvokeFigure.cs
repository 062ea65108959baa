using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cl37.Bot.Chat;
using Cl37.Bot.Commands;
using Cl37.Bot.Data;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Cl37.Bot.Quiz;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cl37.Bot.Benchmarks;

/// <summary>Issues 7 and 9: 1,000 Action.Execute answers from distinct people over HTTP against the
/// running app (Kestrel on 127.0.0.1) authenticated as in production: <c>Teams:AppId</c> set, signing
/// keys from a loopback OpenID endpoint, every request carrying the channel's RS256 token, replies to
/// a loopback stand-in for the Bot Connector. Request-to-invoke-response latency against the same
/// requests to a bare Kestrel POST endpoint, and every answer stored exactly once (each is sent twice).</summary>
internal static class TeamsInvokeFigure
{
    private const string Conversation = "19:bench@thread.tacv2";
    private const string AppId = "0b7e5c1a-3f2d-4c8e-9a61-5d4b3c2a1f00";

    public static async Task<Figure> RunAsync(int people = 1000, int inFlight = 16) => await MeasureAsync(people, inFlight);

    public static async Task<Figure> RunBurstAsync(int people = 1000) => await MeasureAsync(people, people);

    private static async Task<Figure> MeasureAsync(int people, int inFlight)
    {
        await using var openId = await BenchOpenIdServer.StartAsync();
        await using var connector = await StubConnector.StartAsync();
        await using var bare = await BareEndpoint.StartAsync();
        await using var app = new TeamsBenchApp(openId.MetadataUrl);
        var port = FreePort();
        app.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        app.StartServer();
        var botUrl = new Uri($"http://127.0.0.1:{port}");
        // One token for the whole run: the Bot Connector reuses its token for about an hour.
        var token = new AuthenticationHeaderValue("Bearer", openId.SignToken(AppId, connector.Url, TimeSpan.FromHours(1)));
        using var http = new HttpClient { BaseAddress = botUrl, DefaultRequestHeaders = { Authorization = token } };

        using (var anonymous = new HttpClient { BaseAddress = botUrl })
        using (var refused = await anonymous.PostAsync("/api/messages", Json(Activity("message", "admin", extra: a => a["text"] = "help", serviceUrl: connector.Url))))
        {
            if (refused.StatusCode != HttpStatusCode.Unauthorized)
                throw new InvalidOperationException($"a request without a token answered {(int)refused.StatusCode}, not 401: the bot is not authenticating");
        }

        await PostAsync(http, Activity("installationUpdate", "admin", extra: a => a["action"] = "add", serviceUrl: connector.Url));
        var directory = app.Services.GetRequiredService<ChannelDirectory>();
        await Until(async () => await directory.GetPlatformDataAsync(new ChannelRef("teams", "bench-team", Conversation), CancellationToken.None) is not null, "install");
        await PostAsync(http, Activity("message", "admin", extra: a => a["text"] = "quiz now", serviceUrl: connector.Url));
        var factory = app.Services.GetRequiredService<IDbContextFactory<BotDbContext>>();
        long postId = 0;
        await Until(async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            postId = await db.Posts.Select(p => p.Id).OrderByDescending(id => id).FirstOrDefaultAsync();
            return postId > 0;
        }, "the posted question");

        // The baseline gets the same requests, token included, in the same pattern.
        using var bareHttp = new HttpClient { BaseAddress = new Uri(bare.Url), DefaultRequestHeaders = { Authorization = token } };
        var baseline = await PhaseAsync(bareHttp, postId, people, inFlight, connector.Url);
        var bot = await PhaseAsync(http, postId, people, inFlight, connector.Url);
        // A second delivery of every click (Teams retries) must not store anything twice.
        await SendAllAsync(http, postId, Ids("p", people), inFlight, connector.Url);

        var warm = people;
        var stored = 0;
        await Until(async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            stored = await db.Answers.CountAsync(a => a.PostId == postId);
            return stored >= people + warm;
        }, "stored answers", seconds: 30);
        await Task.Delay(500);
        await using (var db = await factory.CreateDbContextAsync())
            stored = await db.Answers.CountAsync(a => a.PostId == postId);

        var exactlyOnce = stored == people + warm;
        var mode = inFlight >= people ? "all at once" : $"{inFlight} in flight";
        return new Figure($"Teams Action.Execute over HTTP, {people:N0} distinct people, {mode}, token validated",
            $"bare Kestrel POST: p50 {Stats.Ms(baseline.P50)}, p99 {Stats.Ms(baseline.P99)}",
            $"p50 {Stats.Ms(bot.P50)}, p99 {Stats.Ms(bot.P99)}, max {Stats.Ms(bot.Max)}",
            Stats.Ratio(bot.P99, baseline.P99) + " (p99)", "p99 ≤ 100 ms, stored once",
            bot.P99 <= 100 && exactlyOnce,
            string.Create(CultureInfo.InvariantCulture, $"{stored} answers stored for {people + warm} people after {2 * people + warm} deliveries; {bot.PerSecond:0} answers/s, {bot.CpuUs:0} µs CPU per answer (client + server in one process); bare {baseline.PerSecond:0} req/s, {baseline.CpuUs:0} µs CPU per request; every request carried one RS256 channel token (none: 401), keys fetched {openId.MetadataRequests}×"));
    }

    /// <summary>A warm-up with as many other people (not counted) in the same pattern, so the
    /// connections the Bot Connector would keep open are open and every lazy path has run; a pause
    /// for the warm-up's background work (answer writes) to drain; then the measured requests.</summary>
    private static async Task<Phase> PhaseAsync(HttpClient http, long postId, int people, int inFlight, string serviceUrl)
    {
        await SendAllAsync(http, postId, Ids("warm", people), inFlight, serviceUrl);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var latencies = await SendAllAsync(http, postId, Ids("p", people), inFlight, serviceUrl);
        var wall = clock.Elapsed;
        var cpuUs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / people;
        latencies.Sort();
        return new Phase(Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99), latencies[^1], people / wall.TotalSeconds, cpuUs);
    }

    private sealed record Phase(double P50, double P99, double Max, double PerSecond, double CpuUs);

    private static List<string> Ids(string prefix, int people) => Enumerable.Range(0, people).Select(i => prefix + i).ToList();

    /// <summary>The person's click on answer A of the post's card, as Teams sends it.</summary>
    internal static JsonObject AnswerInvoke(string person, string serviceUrl, long postId) =>
        Activity("invoke", person, serviceUrl: serviceUrl, extra: a =>
        {
            a["name"] = "adaptiveCard/action";
            a["value"] = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["verb"] = "answer",
                    ["data"] = new JsonObject { ["cl37"] = "answer", ["post"] = postId, ["value"] = "A", ["answer"] = "A" },
                },
            };
        });

    private static async Task<List<double>> SendAllAsync(HttpClient http, long postId, IReadOnlyList<string> people, int inFlight, string serviceUrl)
    {
        using var gate = new SemaphoreSlim(inFlight);
        var tasks = people.Select(async person =>
        {
            await gate.WaitAsync();
            try
            {
                var invoke = AnswerInvoke(person, serviceUrl, postId);
                var sw = Stopwatch.StartNew();
                using var response = await http.PostAsync("/api/messages", Json(invoke));
                var body = await response.Content.ReadAsStringAsync();
                sw.Stop();
                if (!response.IsSuccessStatusCode || !body.Contains("\"statusCode\":200", StringComparison.Ordinal))
                    throw new InvalidOperationException($"invoke answered {(int)response.StatusCode}: {body}");
                return sw.Elapsed.TotalMilliseconds;
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        return [.. await Task.WhenAll(tasks)];
    }

    internal static JsonObject Activity(string type, string person, string serviceUrl, Action<JsonObject> extra)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString(),
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = "29:" + person, ["name"] = "Person " + person, ["aadObjectId"] = "aad-" + person },
            ["recipient"] = new JsonObject { ["id"] = "28:bench-bot", ["name"] = "Bench Bot" },
            ["conversation"] = new JsonObject { ["id"] = Conversation, ["conversationType"] = "channel", ["tenantId"] = "tenant" },
            ["channelData"] = new JsonObject
            {
                ["team"] = new JsonObject { ["id"] = "bench-team" },
                ["channel"] = new JsonObject { ["id"] = Conversation },
                ["tenant"] = new JsonObject { ["id"] = "tenant" },
            },
        };
        extra(activity);
        return activity;
    }

    private static StringContent Json(JsonObject activity) => new(activity.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task PostAsync(HttpClient http, JsonObject activity)
    {
        using var response = await http.PostAsync("/api/messages", Json(activity));
        response.EnsureSuccessStatusCode();
    }

    private static async Task Until(Func<Task<bool>> probe, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe())
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException("timed out waiting for " + what);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class TeamsBenchApp : WebApplicationFactory<CommandDispatcher>
    {
        private readonly string _db = Path.Combine(Path.GetTempPath(), $"cl37-bench-teams-{Guid.NewGuid():N}.db");
        private readonly string _openIdMetadataUrl;

        public TeamsBenchApp(string openIdMetadataUrl)
        {
            _openIdMetadataUrl = openIdMetadataUrl;
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CL37BOT", Machine.RepoRoot());
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:ConnectionString", $"Data Source={_db}");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Playground:Enabled", "false");
            builder.UseSetting("Teams:AppId", AppId);
            builder.UseSetting("Teams:AppPassword", "bench-secret");
            builder.UseSetting("Teams:TenantId", "7d2c4b6a-1e3f-4a5b-8c9d-0e1f2a3b4c5d");
            builder.UseSetting("Teams:OpenIdMetadataUrl", _openIdMetadataUrl);
            builder.UseSetting("Quiz:Admins:0", "teams:aad-admin");
            builder.ConfigureTestServices(s =>
            {
                // Every click answers "A": post only single-choice questions so each one is gradable.
                s.AddSingleton(_ => BenchDecks.SingleChoice());
                s.AddSingleton<IBotTokenProvider, NoOutboundToken>();
            });
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            BenchDatabase.Delete(_db);
        }
    }

    /// <summary>Stands in for MSAL, which would reach login.microsoftonline.com. No token: the
    /// connector client sends one only over https and the stub connector is plain http on loopback;
    /// in production MSAL answers from its in-memory cache, so neither costs a request.</summary>
    private sealed class NoOutboundToken : IBotTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }

    /// <summary>The baseline: a bare Kestrel POST endpoint on 127.0.0.1 that reads the activity and
    /// answers with a small JSON body shaped like an invoke response.</summary>
    private sealed class BareEndpoint : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private BareEndpoint(WebApplication app) => _app = app;

        public string Url { get; private set; } = "";

        public static async Task<BareEndpoint> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            app.MapPost("/api/messages", async (HttpContext c) =>
            {
                using var doc = await JsonDocument.ParseAsync(c.Request.Body);
                return Results.Text("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"ok"}""", "application/json");
            });
            await app.StartAsync();
            return new BareEndpoint(app) { Url = app.Urls.First() };
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }

    /// <summary>Answers every Bot Connector call with 201 and a fresh id, on 127.0.0.1.</summary>
    private sealed class StubConnector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private long _next;

        private StubConnector(WebApplication app) => _app = app;

        public string Url { get; private set; } = "";

        public static async Task<StubConnector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var stub = new StubConnector(app);
            app.Map("/{**path}", (HttpContext _) =>
                Results.Text($"{{\"id\":\"{Interlocked.Increment(ref stub._next)}\"}}", "application/json", statusCode: 201));
            await app.StartAsync();
            stub.Url = app.Urls.First() + "/";
            return stub;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
