using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace Cl37.Bot.Benchmarks;

/// <summary>Issue 6, HTTP endpoint: signed answer clicks per second through
/// <c>POST /discord/interactions</c> (verify, grade, store, answer inline) against a bare Kestrel
/// JSON endpoint in the same run; at least half, every answer stored before its 200.</summary>
internal static class DiscordHttpFigure
{
    private static readonly int Workers = int.TryParse(Environment.GetEnvironmentVariable("CL37_BENCH_CONNECTIONS"), out var n) ? n : 64;

    public static async Task<Figure> RunAsync(double seconds = 5, int bodies = 40_000)
    {
        var database = Path.Combine(Path.GetTempPath(), $"cl37-bench-discord-{Guid.NewGuid():N}.db");
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        await using var stub = await DiscordBenchStub.StartAsync();
        var bot = await stub.StartBotAsync(database, new Dictionary<string, string?>
        {
            ["Discord:Mode"] = "Http",
            ["Discord:PublicKey"] = Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
        });
        try
        {
            var control = await stub.PostQuestionAsync(bot);
            var signed = Enumerable.Range(0, bodies).Select(i =>
            {
                var body = DiscordBenchStub.Click((80351110224670000L + i).ToString(CultureInfo.InvariantCulture), "t" + i, control);
                var ts = "1700000000";
                return (Body: Encoding.UTF8.GetBytes(body), Signature: Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(ts + body))), Timestamp: ts);
            }).ToArray();

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Workers });
            var bareUrl = stub.BaseUrl + "/bare";
            var botUrl = DiscordBenchStub.Address(bot) + "/discord/interactions";
            await LoadAsync(http, bareUrl, signed, TimeSpan.FromSeconds(1), _ => true);
            var bare = await LoadAsync(http, bareUrl, signed, TimeSpan.FromSeconds(seconds), _ => true);
            var pings = Enumerable.Range(0, bodies).Select(i =>
            {
                var body = $$"""{"type":1,"id":"{{i}}","application_id":"1100","token":"p{{i}}","version":1}""";
                return (Body: Encoding.UTF8.GetBytes(body), Signature: Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes("1700000000" + body))), Timestamp: "1700000000");
            }).ToArray();
            var ping = await LoadAsync(http, botUrl, pings, TimeSpan.FromSeconds(seconds), text => text == """{"type":1}""");
            var recorded = new ConcurrentBag<int>();
            var endpoint = await LoadAsync(http, botUrl, signed, TimeSpan.FromSeconds(seconds), text =>
            {
                if (!text.Contains("Answer recorded", StringComparison.Ordinal))
                    return false;
                recorded.Add(1);
                return true;
            });
            await using var db = await bot.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
            var stored = await db.Answers.CountAsync();
            var ratio = endpoint.PerSecond / bare.PerSecond;
            var allStored = stored == recorded.Count && endpoint.Failures == 0;
            return new Figure($"Discord HTTP endpoint: signed answer clicks, {Workers} connections, {seconds:0} s",
                $"bare Kestrel {bare.PerSecond:0} req/s", $"{endpoint.PerSecond:0} req/s (p99 {Stats.Ms(endpoint.P99)})",
                Stats.Ratio(endpoint.PerSecond, bare.PerSecond), "≥ 0.50× and every answer stored before its 200", ratio >= 0.5 && allStored,
                string.Create(CultureInfo.InvariantCulture, $"{recorded.Count} 200s said recorded, {stored} answers in the database, {endpoint.Failures} failures{(endpoint.FirstFailure is null ? "" : $" (first: {endpoint.FirstFailure})")}; signed PINGs (verify + parse, no quiz work) {ping.PerSecond:0} req/s = {Stats.Ratio(ping.PerSecond, bare.PerSecond)} of bare"));
        }
        finally
        {
            await bot.StopAsync();
            await bot.DisposeAsync();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(database + suffix);
        }
    }

    private static async Task<(double PerSecond, double P99, int Failures, string? FirstFailure)> LoadAsync(
        HttpClient http, string url, (byte[] Body, string Signature, string Timestamp)[] signed, TimeSpan duration, Func<string, bool> ok)
    {
        var next = -1;
        var failures = 0;
        string? firstFailure = null;
        var latencies = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= signed.Length)
                    return;
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(signed[i].Body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Add("X-Signature-Ed25519", signed[i].Signature);
                request.Headers.Add("X-Signature-Timestamp", signed[i].Timestamp);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode || !ok(text))
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstFailure, $"{(int)response.StatusCode} {text[..Math.Min(text.Length, 200)]}", null);
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToList();
        return (sorted.Count / elapsed, Stats.Percentile(sorted, 99), failures, firstFailure);
    }
}
