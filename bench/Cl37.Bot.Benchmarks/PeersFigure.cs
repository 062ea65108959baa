using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Cl37.Bot.Benchmarks;

/// <summary>Issue 20.3: the bot against the official peers (Discord's example-app shape with
/// express + <c>discord-interactions</c>, and a <c>botbuilder</c> CloudAdapter bot), each its own
/// process, the same load driver and the same signed requests, one side loaded at a time and the
/// sides interleaved round by round. Also a signed click's CPU ÷ a signed PING's and
/// the idle memory of each side.</summary>
internal static class PeersFigure
{
    private const string TeamsAppId = "0b7e5c1a-3f2d-4c8e-9a61-5d4b3c2a1f00";
    private static readonly int DiscordConnections = int.TryParse(Environment.GetEnvironmentVariable("CL37_BENCH_CONNECTIONS"), out var n) ? n : 64;
    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("CL37_BENCH_PEER_ROUNDS"), out var r) ? r : 3;
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    /// <summary>Everything measured for one path on one side, one entry per round.</summary>
    private sealed class Side(string name)
    {
        public string Name { get; } = name;
        public List<LoadDriver.Result> Runs { get; } = [];
        public double IdleRssMb { get; set; }

        private double Median(Func<LoadDriver.Result, double> f) => Stats.Percentile([.. Runs.Select(f).Order()], 50);
        public double PerSecond => Median(x => x.PerSecond);
        public double P50 => Median(x => x.P50);
        public double P99 => Median(x => x.P99);
        public double CpuUs => Median(x => x.CpuUsPerRequest);
        public double PeakRss => Runs.Max(x => x.PeakRssMb);
        public double RssAfter => Runs[^1].RssAfterMb;
        public int Failures => Runs.Sum(x => x.Failures);
        public string? FirstFailure => Runs.Select(x => x.FirstFailure).FirstOrDefault(f => f is not null);

        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"{Name}: {PerSecond:N0} req/s, p50 {Stats.Ms(P50)}, p99 {Stats.Ms(P99)}, {CpuUs:0} µs CPU/req, RSS peak {PeakRss:0} / after {RssAfter:0} MB");
    }

    private sealed record Case(string Name, int InFlight, Side Bot, Side Peer)
    {
        public string Note { get; set; } = "";
    }

    public static async Task<IReadOnlyList<Figure>> RunAsync() => await RunAsync(withPeers: true);

    /// <summary>Only the bot's Discord side: CPU per signed click ÷ per signed PING.</summary>
    public static async Task<IReadOnlyList<Figure>> RunClickCpuAsync() => await RunAsync(withPeers: false);

    private static async Task<IReadOnlyList<Figure>> RunAsync(bool withPeers)
    {
        string? skipped = null;
        if (withPeers && await PeerSetup.NodeMissingAsync() is { } why)
        {
            skipped = "peer figures skipped: " + why;
            Console.Error.WriteLine(skipped);
            withPeers = false;
        }
        string? discordPeer = null, teamsPeer = null;
        if (withPeers)
        {
            discordPeer = await PeerSetup.InstallPeerAsync("discord-express");
            teamsPeer = await PeerSetup.InstallPeerAsync("teams-botbuilder");
        }
        var dll = await PeerSetup.PublishBotAsync();
        var deck = PeerSetup.WriteDeck();
        var figures = new List<Figure>();
        try
        {
            var discord = await DiscordAsync(dll, deck, discordPeer);
            var ping = discord.First(p => p.Name.Contains("PING", StringComparison.Ordinal));
            var click = discord.First(p => p.Name.Contains("click", StringComparison.Ordinal));
            var clickRatio = click.Bot.CpuUs / ping.Bot.CpuUs;
            figures.Add(new Figure("bot CPU per signed click ÷ per signed PING (Discord HTTP endpoint, bot process only)",
                string.Create(CultureInfo.InvariantCulture, $"signed PING {ping.Bot.CpuUs:0} µs"),
                string.Create(CultureInfo.InvariantCulture, $"signed click {click.Bot.CpuUs:0} µs (graded, stored before the reply)"),
                Stats.Ratio(click.Bot.CpuUs, ping.Bot.CpuUs), "≤ 1.5×", clickRatio <= 1.5,
                string.Create(CultureInfo.InvariantCulture, $"median of {Rounds} rounds, {DiscordConnections} connections; from /proc/<pid>/stat of the published bot")));
            if (!withPeers)
                return [.. figures, .. skipped is null ? Array.Empty<Figure>() : [Skipped(skipped)]];
            var teams = await TeamsAsync(dll, deck, teamsPeer!);
            figures.InsertRange(0, [.. discord.Concat(teams).Select(Row)]);
            figures.Add(Idle("Discord", discord[0]));
            figures.Add(Idle("Teams", teams[0]));
            return figures;
        }
        finally
        {
            Directory.Delete(deck, recursive: true);
        }
    }

    private static Figure Skipped(string why) => new("peers (Discord example app, botbuilder)", "—", why, "—", "—", null);

    private static Figure Row(Case p)
    {
        var (bot, peer) = (p.Bot, p.Peer);
        var ratios = string.Create(CultureInfo.InvariantCulture,
            $"req/s {Stats.Ratio(bot.PerSecond, peer.PerSecond)}, p50 {Stats.Ratio(bot.P50, peer.P50)}, p99 {Stats.Ratio(bot.P99, peer.P99)}, CPU/req {Stats.Ratio(bot.CpuUs, peer.CpuUs)}, RSS peak {Stats.Ratio(bot.PeakRss, peer.PeakRss)}, after {Stats.Ratio(bot.RssAfter, peer.RssAfter)}");
        var failures = bot.Failures + peer.Failures == 0 ? "no failures"
            : $"failures: bot {bot.Failures} ({bot.FirstFailure}), peer {peer.Failures} ({peer.FirstFailure})";
        return new Figure($"vs peer: {p.Name}, {p.InFlight} in flight", peer.Describe(), bot.Describe(), ratios,
            "bot RSS ≤ 1.2× peer's (peak)", bot.PeakRss <= 1.2 * peer.PeakRss,
            $"median of {Rounds} interleaved rounds of {Measured.TotalSeconds:0} s, one side loaded at a time; CPU and RSS of the server process alone; {failures}{p.Note}");
    }

    private static Figure Idle(string platform, Case p) => new($"vs peer: idle RSS, {platform}",
        string.Create(CultureInfo.InvariantCulture, $"{p.Peer.Name}: {p.Peer.IdleRssMb:0} MB"),
        string.Create(CultureInfo.InvariantCulture, $"bot: {p.Bot.IdleRssMb:0} MB"), Stats.Ratio(p.Bot.IdleRssMb, p.Peer.IdleRssMb),
        "bot ≤ 100 MB", p.Bot.IdleRssMb <= 100, "3 s after ready, before any load (the bot has posted one question)");

    private static Dictionary<string, string> BotEnvironment(int port, string database, string deck)
    {
        var env = new Dictionary<string, string>
        {
            ["URLS"] = $"http://127.0.0.1:{port}",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Database__ConnectionString"] = $"Data Source={database}",
            ["Playground__Enabled"] = "false",
            ["Quiz__ContentPath"] = deck,
        };
        // CL37_BENCH_BOT_ENV="DOTNET_GCgen0size=0x400000;Name=value" tries runtime or app settings on the bot alone.
        foreach (var pair in (Environment.GetEnvironmentVariable("CL37_BENCH_BOT_ENV") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
                env[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }
        return env;
    }

    internal static async Task<ServerProcess> StartDiscordBotAsync(string dll, string deck, string database, DiscordBenchStub stub, DiscordSigner signer,
        IDictionary<string, string>? more = null)
    {
        var port = ServerProcess.FreePort();
        var env = BotEnvironment(port, database, deck);
        env["Discord__Mode"] = "Http";
        env["Discord__PublicKey"] = signer.PublicKeyHex;
        env["Discord__Token"] = "bench.token.value";
        env["Discord__ApplicationId"] = "1100";
        env["Discord__ApiBaseUrl"] = stub.BaseUrl + "/api/v10";
        env["Discord__RegisterCommands"] = "false";
        env["Quiz__Admins__0"] = "discord:" + DiscordSigner.Admin;
        foreach (var (k, v) in more ?? new Dictionary<string, string>())
            env[k] = v;
        return await ServerProcess.StartAsync("dotnet", [dll], Path.GetDirectoryName(dll)!, port, "/health/ready", env);
    }

    /// <summary>Posts a question with a signed <c>/quiz now</c> from an admin; returns its first answer control.</summary>
    /// <param name="replace">Close the question still open (<c>force:true</c>), as a new day's question would.</param>
    internal static async Task<JsonElement> PostDiscordQuestionAsync(HttpClient http, Uri endpoint, DiscordBenchStub stub, DiscordSigner signer, bool replace = false)
    {
        var before = stub.Posts.Count;
        using var request = DiscordSigner.Request(endpoint, signer.Sign(DiscordSigner.Command(signer.NextId(), DiscordSigner.Admin, "quiz", "now", replace ? "force" : null)));
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"/quiz now answered {(int)response.StatusCode}: {text}");
        for (var i = 0; i < 200; i++)
        {
            foreach (var body in stub.Posts.Skip(before))
            {
                if (DiscordSigner.FindControl(JsonDocument.Parse(body).RootElement) is { } control)
                    return control;
            }
            await Task.Delay(50);
        }
        return DiscordSigner.FindControl(JsonDocument.Parse(text).RootElement) ?? throw new InvalidOperationException("no question was posted: " + text);
    }

    private static async Task<List<Case>> DiscordAsync(string dll, string deck, string? peerDir)
    {
        using var signer = new DiscordSigner();
        await using var stub = await DiscordBenchStub.StartAsync();
        var database = Path.Combine(Path.GetTempPath(), $"cl37-bench-peers-{Guid.NewGuid():N}.db");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = DiscordConnections }) { Timeout = TimeSpan.FromSeconds(60) };
        await using var bot = await StartDiscordBotAsync(dll, deck, database, stub, signer);
        await using var peer = peerDir is null ? null : await StartPeerAsync(peerDir, "app.js", port => [port.ToString(CultureInfo.InvariantCulture), signer.PublicKeyHex]);
        try
        {
            var botUrl = new Uri(bot.Address, "/discord/interactions");
            var control = await PostDiscordQuestionAsync(http, botUrl, stub, signer);
            await Task.Delay(TimeSpan.FromSeconds(3));
            var paths = new List<Case>
            {
                new("Discord signed PING", DiscordConnections, new Side("bot") { IdleRssMb = bot.RssMb() }, new Side("peer") { IdleRssMb = peer?.RssMb() ?? 0 }),
                new("Discord signed button click (bot grades and stores every answer)", DiscordConnections, new Side("bot"), new Side("peer")),
                new("Discord slash command (/help)", DiscordConnections, new Side("bot"), new Side("peer")),
            };
            Func<long, string>[] bodies =
            [
                DiscordSigner.Ping,
                id => DiscordBenchStub.Click((80351110224670000L + id).ToString(CultureInfo.InvariantCulture), "t" + id, control),
                id => DiscordSigner.Command(id, (90351110224670000L + id).ToString(CultureInfo.InvariantCulture), "help"),
            ];
            Func<string, bool>[] answers =
            [
                text => text.Contains("\"type\":1", StringComparison.Ordinal),
                text => text.Contains("Answer recorded", StringComparison.Ordinal) || text.Contains("picked", StringComparison.Ordinal),
                text => text.Contains("\"type\":4", StringComparison.Ordinal),
            ];
            var peerUrl = peer is null ? null : new Uri(peer.Address, "/interactions");
            for (var round = 0; round < Rounds; round++)
            {
                for (var k = 0; k < paths.Count; k++)
                {
                    var path = paths[k];
                    // Both sides get the very same signed requests; every id is new to the bot.
                    var capacity = k == 1 ? 80_000 : 150_000;
                    var signed = signer.Batch(capacity, bodies[k]);
                    var ok = answers[k];
                    var sides = new List<(Side Side, ServerProcess Server, Uri Url)> { (path.Bot, bot, botUrl) };
                    if (peer is not null)
                        sides.Insert(round % 2 == 0 ? 1 : 0, (path.Peer, peer, peerUrl!));
                    foreach (var (side, server, url) in sides)
                    {
                        var counter = new LoadDriver.Counter();
                        HttpRequestMessage Make(long i) => DiscordSigner.Request(url, signed[i % signed.Length]);
                        bool Ok(HttpResponseMessage response, string text) => response.IsSuccessStatusCode && ok(text);
                        await LoadDriver.RunAsync(http, server, path.InFlight, WarmUp, Make, Ok, counter);
                        var result = await LoadDriver.RunAsync(http, server, path.InFlight, Measured, Make, Ok, counter);
                        if (counter.Next > signed.Length)
                            Console.Error.WriteLine($"{path.Name}, {side.Name}: {counter.Next} requests for {signed.Length} signed bodies; repeats were refused as replays");
                        side.Runs.Add(result);
                        Console.Error.WriteLine($"  round {round + 1}, {path.Name}, {side.Describe()}");
                    }
                }
            }
            return paths;
        }
        finally
        {
            await bot.DisposeAsync();
            BenchDatabase.Delete(database);
        }
    }

    private static async Task<ServerProcess> StartPeerAsync(string dir, string script, Func<int, string[]> args)
    {
        var port = ServerProcess.FreePort();
        return await ServerProcess.StartAsync("node", [script, .. args(port)], dir, port, "/health", new Dictionary<string, string> { ["NODE_ENV"] = "production" });
    }

    private static async Task<List<Case>> TeamsAsync(string dll, string deck, string peerDir)
    {
        await using var openId = await BenchOpenIdServer.StartAsync();
        await using var channel = await BenchTeamsChannel.StartAsync();
        var database = Path.Combine(Path.GetTempPath(), $"cl37-bench-peers-teams-{Guid.NewGuid():N}.db");
        var token = new AuthenticationHeaderValue("Bearer", openId.SignToken(TeamsAppId, channel.ServiceUrl, TimeSpan.FromHours(1)));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(60) };
        await using var bot = await StartTeamsBotAsync(dll, deck, database, openId, channel);
        await using var peer = await StartPeerAsync(peerDir, "index.js", port => [port.ToString(CultureInfo.InvariantCulture), TeamsAppId, openId.MetadataUrl]);
        try
        {
            var botUrl = new Uri(bot.Address, "/api/messages");
            var postId = await PostTeamsQuestionAsync(http, botUrl, token, channel);
            foreach (var url in new[] { botUrl, new Uri(peer.Address, "/api/messages") })
            {
                // Both sides must authenticate: an invoke without the channel's token is refused.
                using var anonymous = Invoke(url, token, channel.ServiceUrl, "anonymous", postId);
                anonymous.Headers.Authorization = null;
                using var refused = await http.SendAsync(anonymous);
                if (refused.StatusCode != System.Net.HttpStatusCode.Unauthorized)
                    throw new InvalidOperationException($"{url} answered an invoke without a token with {(int)refused.StatusCode}, not 401");
            }
            await Task.Delay(TimeSpan.FromSeconds(3));
            var paths = new List<Case>
            {
                new("Teams adaptiveCard/action invoke", 16, new Side("bot") { IdleRssMb = bot.RssMb() }, new Side("peer") { IdleRssMb = peer.RssMb() }),
                new("Teams adaptiveCard/action invoke", 256, new Side("bot"), new Side("peer")),
            };
            var people = new LoadDriver.Counter();
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var path in paths)
                {
                    // Same people for both sides; each person is new to the bot, so each invoke stores an answer.
                    var first = people.Next;
                    people.Next += 400_000;
                    var sides = new List<(Side Side, ServerProcess Server, Uri Url)> { (path.Bot, bot, botUrl) };
                    sides.Insert(round % 2 == 0 ? 1 : 0, (path.Peer, peer, new Uri(peer.Address, "/api/messages")));
                    foreach (var (side, server, url) in sides)
                    {
                        var counter = new LoadDriver.Counter { Next = first };
                        HttpRequestMessage Make(long i) => Invoke(url, token, channel.ServiceUrl, "p" + i.ToString(CultureInfo.InvariantCulture), postId);
                        static bool Ok(HttpResponseMessage response, string text) =>
                            response.IsSuccessStatusCode && text.Contains("\"statusCode\":200", StringComparison.Ordinal);
                        await LoadDriver.RunAsync(http, server, path.InFlight, WarmUp, Make, Ok, counter);
                        var calls = channel.Calls;
                        var result = await LoadDriver.RunAsync(http, server, path.InFlight, Measured, Make, Ok, counter);
                        side.Runs.Add(result);
                        if (side == path.Bot)
                        {
                            // The bot's own outbound work (tally updates, feedback to 1:1 chats past the card's
                            // refresh list) rides on the same CPU; the peer sends nothing.
                            path.Note = string.Create(CultureInfo.InvariantCulture,
                                $"; the bot made {(channel.Calls - calls) / (double)Math.Max(1, result.Requests):0.00} Bot Connector calls per invoke (https, loopback), the peer none");
                        }
                        Console.Error.WriteLine($"  round {round + 1}, {path.Name} at {path.InFlight}, {side.Describe()}");
                    }
                }
            }
            return paths;
        }
        finally
        {
            await bot.DisposeAsync();
            BenchDatabase.Delete(database);
        }
    }

    internal static async Task<ServerProcess> StartTeamsBotAsync(string dll, string deck, string database, BenchOpenIdServer openId, BenchTeamsChannel channel,
        IDictionary<string, string>? more = null)
    {
        var port = ServerProcess.FreePort();
        var env = BotEnvironment(port, database, deck);
        foreach (var (k, v) in channel.BotEnvironment(TeamsAppId, channel.TokenUrl))
            env[k] = v;
        env["Teams__OpenIdMetadataUrl"] = openId.MetadataUrl;
        env["Quiz__Admins__0"] = "teams:aad-admin";
        foreach (var (k, v) in more ?? new Dictionary<string, string>())
            env[k] = v;
        return await ServerProcess.StartAsync("dotnet", [dll], Path.GetDirectoryName(dll)!, port, "/health/ready", env);
    }

    internal static string TeamsToken(BenchOpenIdServer openId, BenchTeamsChannel channel) => openId.SignToken(TeamsAppId, channel.ServiceUrl, TimeSpan.FromHours(1));

    /// <summary>Installs the bot in the bench team and has an admin post a question; returns its post id.</summary>
    internal static async Task<long> PostTeamsQuestionAsync(HttpClient http, Uri url, AuthenticationHeaderValue token, BenchTeamsChannel channel, long after = 0, bool replace = false)
    {
        foreach (var activity in new[]
        {
            TeamsInvokeFigure.Activity("installationUpdate", "admin", channel.ServiceUrl, a => a["action"] = "add"),
            TeamsInvokeFigure.Activity("message", "admin", channel.ServiceUrl, a => a["text"] = replace ? "quiz now force:true" : "quiz now"),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
            request.Headers.Authorization = token;
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"{activity["type"]} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(300);
        }
        return await channel.NextPostAsync(after, TimeSpan.FromSeconds(20));
    }

    internal static HttpRequestMessage Invoke(Uri url, AuthenticationHeaderValue token, string serviceUrl, string person, long postId)
    {
        var invoke = TeamsInvokeFigure.AnswerInvoke(person, serviceUrl, postId);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(invoke.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = token;
        return request;
    }
}
