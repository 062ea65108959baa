using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;

namespace Cl37.Bot.Benchmarks;

/// <summary>Issue 20.1: the published bot with Discord (HTTP interactions) and Teams on, under a
/// steady stream of signed clicks and token-validated Action.Execute invokes from new people for
/// N minutes, a new question on each platform every minute; RSS sampled every 5 s. Met when, after
/// the warm-up, RSS never leaves ±10% of its value at the end of the warm-up. The warm-up is the
/// longest time the bot keeps something for each request, so that the working set is full by its
/// end: a Discord interaction id is kept until its signed timestamp is 5 minutes old (a third of
/// a run shorter than 15 minutes).</summary>
internal static class SoakFigure
{
    private static readonly TimeSpan Sample = TimeSpan.FromSeconds(5);

    /// <summary>How long the bot keeps a Discord interaction id to refuse its replay.</summary>
    private static readonly TimeSpan ReplayWindow = Bot.Platforms.Discord.Incoming.DiscordInteractionsEndpoint.TimestampTolerance;

    /// <summary>The people on each platform. Everyone answers every question, as a course does; it is
    /// larger than any course and than the answers one question gets in its minute (300/s × 60 s), so
    /// every answer is a first answer. A population that grew without end would grow what the bot
    /// rightly keeps per person (the leaderboards rank every member of the group).</summary>
    internal const int Population = 20_000;

    public static async Task<IReadOnlyList<Figure>> RunAsync(double minutes, int perSecond = 300)
    {
        var dll = await PeerSetup.PublishBotAsync();
        var deck = PeerSetup.WriteDeck();
        var database = Path.Combine(Path.GetTempPath(), $"cl37-bench-soak-{Guid.NewGuid():N}.db");
        using var signer = new DiscordSigner();
        await using var stub = await DiscordBenchStub.StartAsync();
        await using var openId = await BenchOpenIdServer.StartAsync();
        await using var channel = await BenchTeamsChannel.StartAsync();
        var more = new Dictionary<string, string>(channel.BotEnvironment("0b7e5c1a-3f2d-4c8e-9a61-5d4b3c2a1f00", channel.TokenUrl))
        {
            ["Teams__OpenIdMetadataUrl"] = openId.MetadataUrl,
            ["Quiz__Admins__1"] = "teams:aad-admin",
        };
        await using var bot = await PeersFigure.StartDiscordBotAsync(dll, deck, database, stub, signer, more);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 }) { Timeout = TimeSpan.FromSeconds(60) };
            var discordUrl = new Uri(bot.Address, "/discord/interactions");
            var teamsUrl = new Uri(bot.Address, "/api/messages");
            var token = new AuthenticationHeaderValue("Bearer", PeersFigure.TeamsToken(openId, channel));
            var control = new StrongBox<System.Text.Json.JsonElement>(await PeersFigure.PostDiscordQuestionAsync(http, discordUrl, stub, signer));
            var postId = await PeersFigure.PostTeamsQuestionAsync(http, teamsUrl, token, channel);
            var idle = bot.RssMb();

            var duration = TimeSpan.FromMinutes(minutes);
            var warmUp = TimeSpan.FromTicks(Math.Min(duration.Ticks / 3, ReplayWindow.Ticks));
            var samples = new List<(double Seconds, double Mb)>();
            long clicks = 0, invokes = 0, failures = 0, rotations = 0;
            string? firstFailure = null;
            var clock = Stopwatch.StartNew();
            void Failed(string what)
            {
                Interlocked.Increment(ref failures);
                Interlocked.CompareExchange(ref firstFailure, what, null);
            }

            // Each platform gets perSecond requests a second, paced, from 8 workers.
            async Task Drive(Func<long, Task> send)
            {
                long next = 0;
                await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
                {
                    while (true)
                    {
                        var i = Interlocked.Increment(ref next) - 1;
                        var due = TimeSpan.FromSeconds((double)i / perSecond);
                        // The run ends on time; a machine that cannot keep the pace shows as a lower rate.
                        if (due >= duration || clock.Elapsed >= duration)
                            return;
                        if (due > clock.Elapsed)
                            await Task.Delay(due - clock.Elapsed);
                        await send(i);
                    }
                })));
            }

            var discord = Drive(async i =>
            {
                var current = Volatile.Read(ref control).Value;
                var id = signer.NextId();
                using var request = DiscordSigner.Request(discordUrl, signer.Sign(DiscordBenchStub.Click((70351110224670000L + i % Population).ToString(CultureInfo.InvariantCulture), "s" + id, current, id.ToString(CultureInfo.InvariantCulture))));
                try
                {
                    using var response = await http.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    // A click on the question just replaced is answered "practice only": answered all the same.
                    if (response.IsSuccessStatusCode && (text.Contains("Answer recorded", StringComparison.Ordinal) || text.Contains("practice only", StringComparison.Ordinal)))
                        Interlocked.Increment(ref clicks);
                    else
                        Failed($"click {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
                }
                catch (HttpRequestException ex)
                {
                    Failed("click: " + ex.Message);
                }
            });
            var teams = Drive(async i =>
            {
                using var request = PeersFigure.Invoke(teamsUrl, token, channel.ServiceUrl, "soak" + (i % Population).ToString(CultureInfo.InvariantCulture), Interlocked.Read(ref postId));
                try
                {
                    using var response = await http.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.IsSuccessStatusCode && text.Contains("\"statusCode\":200", StringComparison.Ordinal))
                        Interlocked.Increment(ref invokes);
                    else
                        Failed($"invoke {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
                }
                catch (HttpRequestException ex)
                {
                    Failed("invoke: " + ex.Message);
                }
            });
            var load = Task.WhenAll(discord, teams);
            var nextRotation = TimeSpan.FromMinutes(1);
            while (!load.IsCompleted)
            {
                await Task.WhenAny(load, Task.Delay(Sample));
                samples.Add((clock.Elapsed.TotalSeconds, bot.RssMb()));
                if (clock.Elapsed >= nextRotation && !load.IsCompleted)
                {
                    // A new question on each platform, as a day of quizzes would: answers to older posts stop.
                    nextRotation += TimeSpan.FromMinutes(1);
                    try
                    {
                        Volatile.Write(ref control, new(await PeersFigure.PostDiscordQuestionAsync(http, discordUrl, stub, signer, replace: true)));
                        Interlocked.Exchange(ref postId, await PeersFigure.PostTeamsQuestionAsync(http, teamsUrl, token, channel, Interlocked.Read(ref postId), replace: true));
                        rotations++;
                    }
                    catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
                    {
                        Console.Error.WriteLine("soak: posting a new question failed: " + ex.Message);
                    }
                }
                if (samples.Count % 12 == 0)
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  soak {clock.Elapsed.TotalMinutes:0.0} min: RSS {samples[^1].Mb:0} MB, {clicks} clicks, {invokes} invokes, {failures} failures"));
            }
            await load;
            samples.Add((clock.Elapsed.TotalSeconds, bot.RssMb()));

            var reference = samples.Last(s => s.Seconds <= warmUp.TotalSeconds + Sample.TotalSeconds / 2).Mb;
            var after = samples.Where(s => s.Seconds > warmUp.TotalSeconds).ToList();
            var (low, high) = (after.Min(s => s.Mb), after.Max(s => s.Mb));
            var flat = high <= reference * 1.10 && low >= reference * 0.90;
            var trace = string.Join(", ", samples.Where((_, k) => k % Math.Max(1, samples.Count / 12) == 0).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Seconds / 60:0.0}′ {s.Mb:0}")));
            return
            [
                new Figure(string.Create(CultureInfo.InvariantCulture, $"soak: {minutes:0.#} min of signed Discord clicks + Teams invokes, {perSecond}/s each from {Population:N0} people per platform, new question every minute"),
                    string.Create(CultureInfo.InvariantCulture, $"RSS at the end of the {warmUp.TotalMinutes:0.#}-min warm-up: {reference:0} MB (idle before: {idle:0} MB)"),
                    string.Create(CultureInfo.InvariantCulture, $"after warm-up {low:0}–{high:0} MB, at the end {samples[^1].Mb:0} MB, peak (VmHWM) {bot.PeakRssMb():0} MB"),
                    Stats.Ratio(high, reference) + " (max)", "within ±10% after warm-up", flat && failures == 0,
                    string.Create(CultureInfo.InvariantCulture, $"{clicks} clicks and {invokes} invokes answered ({(clicks + invokes) / clock.Elapsed.TotalSeconds:0}/s of {2 * perSecond}/s asked), {failures} failures{(firstFailure is null ? "" : $" (first: {firstFailure})")}, {rotations} new questions per platform; RSS MB by minute: {trace}")),
            ];
        }
        finally
        {
            await bot.DisposeAsync();
            BenchDatabase.Delete(database);
            Directory.Delete(deck, recursive: true);
        }
    }
}
