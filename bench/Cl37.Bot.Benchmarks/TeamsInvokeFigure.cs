using Microsoft.AspNetCore.TestHost;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Cl37.Bot.Chat;
using Cl37.Bot.Data;
using Cl37.Bot.Quiz;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cl37.Bot.Benchmarks;

/// <summary>Issue 7: 1,000 Action.Execute answers from distinct people over HTTP against the running
/// app (Kestrel on 127.0.0.1, Teams in local mode, a loopback stand-in for the Bot Connector):
/// request-to-invoke-response latency, and every answer stored exactly once (each is sent twice).</summary>
internal static class TeamsInvokeFigure
{
    private const string Conversation = "19:bench@thread.tacv2";

    public static async Task<Figure> RunAsync(int people = 1000, int inFlight = 16) => await MeasureAsync(people, inFlight);

    public static async Task<Figure> RunBurstAsync(int people = 1000) => await MeasureAsync(people, people);

    private static async Task<Figure> MeasureAsync(int people, int inFlight)
    {
        await using var connector = await StubConnector.StartAsync();
        await using var app = new TeamsBenchApp();
        var port = FreePort();
        app.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        app.StartServer();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

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

        // Warm up with as many people (not counted) in the same pattern: the JIT tiers the path up
        // and the connections the Bot Connector would keep open are open. The pause lets the tiered
        // JIT finish in the background, as in a service that has been running for a while.
        var warm = people;
        await SendAllAsync(http, postId, Enumerable.Range(0, warm).Select(i => "warm" + i).ToList(), inFlight, connector.Url);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var ids = Enumerable.Range(0, people).Select(i => "p" + i).ToList();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var latencies = await SendAllAsync(http, postId, ids, inFlight, connector.Url);
        var wall = clock.Elapsed;
        var cpuUs = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / people;
        // A second delivery of every click (Teams retries) must not store anything twice.
        await SendAllAsync(http, postId, ids, inFlight, connector.Url);

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

        latencies.Sort();
        var p50 = Stats.Percentile(latencies, 50);
        var p99 = Stats.Percentile(latencies, 99);
        var exactlyOnce = stored == people + warm;
        var mode = inFlight >= people ? "all at once" : $"{inFlight} in flight";
        return new Figure($"Teams Action.Execute over HTTP, {people:N0} distinct people, {mode}",
            "—", $"p50 {Stats.Ms(p50)}, p99 {Stats.Ms(p99)}, max {Stats.Ms(latencies[^1])}", "—", "p99 ≤ 100 ms, stored once",
            p99 <= 100 && exactlyOnce,
            string.Create(CultureInfo.InvariantCulture, $"{stored} answers stored for {people + warm} people after {2 * people + warm} deliveries; {people / wall.TotalSeconds:0} answers/s, {cpuUs:0} µs CPU per answer (client + server in one process)"));
    }

    private static async Task<List<double>> SendAllAsync(HttpClient http, long postId, IReadOnlyList<string> people, int inFlight, string serviceUrl)
    {
        using var gate = new SemaphoreSlim(inFlight);
        var tasks = people.Select(async person =>
        {
            await gate.WaitAsync();
            try
            {
                var invoke = Activity("invoke", person, serviceUrl: serviceUrl, extra: a =>
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
                var sw = Stopwatch.StartNew();
                using var response = await http.PostAsync("/api/messages", new StringContent(invoke.ToJsonString(), Encoding.UTF8, "application/json"));
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

    private static JsonObject Activity(string type, string person, string serviceUrl, Action<JsonObject> extra)
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

    private static async Task PostAsync(HttpClient http, JsonObject activity)
    {
        using var response = await http.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
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

        public TeamsBenchApp() => Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CL37BOT", Machine.RepoRoot());

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:ConnectionString", $"Data Source={_db}");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Playground:Enabled", "false");
            builder.UseSetting("Teams:Enabled", "true");
            builder.UseSetting("Quiz:Admins:0", "teams:aad-admin");
            // Every click answers "A": post only single-choice questions so each one is gradable.
            builder.ConfigureTestServices(s => s.AddSingleton(_ => BenchDecks.SingleChoice()));
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(_db + suffix);
        }
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
