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

    public static async Task<Figure> RunAsync(double seconds = 5, int bodies = 80_000)
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
            // Every phase gets the same one-second warm-up (JIT tiering, connections) and a pause for the
            // tiered JIT to finish in the background before it is measured.
            var warmUp = TimeSpan.FromSeconds(1);
            var bareCursor = new Cursor();
            await LoadAsync(http, bareUrl, signed, bareCursor, warmUp, _ => true);
            await Task.Delay(warmUp);
            var bare = await LoadAsync(http, bareUrl, signed, bareCursor, TimeSpan.FromSeconds(seconds), _ => true);
            var pings = Enumerable.Range(0, bodies).Select(i =>
            {
                var body = $$"""{"type":1,"id":"{{i}}","application_id":"1100","token":"p{{i}}","version":1}""";
                return (Body: Encoding.UTF8.GetBytes(body), Signature: Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes("1700000000" + body))), Timestamp: "1700000000");
            }).ToArray();
            var pingCursor = new Cursor();
            await LoadAsync(http, botUrl, pings, pingCursor, warmUp, text => text == """{"type":1}""");
            await Task.Delay(warmUp);
            var ping = await LoadAsync(http, botUrl, pings, pingCursor, TimeSpan.FromSeconds(seconds), text => text == """{"type":1}""");
            var recorded = new ConcurrentBag<int>();
            bool Recorded(string text)
            {
                if (!text.Contains("Answer recorded", StringComparison.Ordinal))
                    return false;
                recorded.Add(1);
                return true;
            }
            var clickCursor = new Cursor();
            var warm = await LoadAsync(http, botUrl, signed, clickCursor, warmUp, Recorded);
            await Task.Delay(warmUp);
            var endpoint = await LoadAsync(http, botUrl, signed, clickCursor, TimeSpan.FromSeconds(seconds), Recorded);
            if (clickCursor.Next >= signed.Length)
                throw new InvalidOperationException($"the {signed.Length} signed clicks ran out before the {seconds} s were over; raise `bodies`");
            // Load-independent view: CPU per request (client + server, one process) and what the
            // signature check alone costs, which bounds the ratio any signed endpoint can reach.
            var verifyUs = VerifyMicroseconds(key, signed);
            var ceiling = bare.CpuUs / (bare.CpuUs + verifyUs);
            await using var db = await bot.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
            var stored = await db.Answers.CountAsync();
            var ratio = endpoint.PerSecond / bare.PerSecond;
            var allStored = stored == recorded.Count && endpoint.Failures + warm.Failures == 0;
            return new Figure($"Discord HTTP endpoint: signed answer clicks, {Workers} connections, {seconds:0} s",
                $"bare Kestrel {bare.PerSecond:0} req/s", $"{endpoint.PerSecond:0} req/s (p99 {Stats.Ms(endpoint.P99)})",
                Stats.Ratio(endpoint.PerSecond, bare.PerSecond), "≥ 0.50× and every answer stored before its 200", ratio >= 0.5 && allStored,
                string.Create(CultureInfo.InvariantCulture, $"{recorded.Count} 200s said recorded, {stored} answers in the database, {endpoint.Failures} failures{(endpoint.FirstFailure is null ? "" : $" (first: {endpoint.FirstFailure})")}; signed PINGs (verify + parse, no quiz work) {ping.PerSecond:0} req/s = {Stats.Ratio(ping.PerSecond, bare.PerSecond)} of bare; CPU per request: bare {bare.CpuUs:0} µs, signed PING {ping.CpuUs:0} µs, answer click {endpoint.CpuUs:0} µs, of which the Ed25519 check alone {verifyUs:0} µs, so no signed endpoint can pass {ceiling:0.00}× of bare here"));
        }
        finally
        {
            await bot.StopAsync();
            await bot.DisposeAsync();
            BenchDatabase.Delete(database);
        }
    }

    private static double VerifyMicroseconds(Key key, (byte[] Body, string Signature, string Timestamp)[] signed)
    {
        var n = Math.Min(2000, signed.Length);
        var ok = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            var message = Encoding.UTF8.GetBytes(signed[i].Timestamp).Concat(signed[i].Body).ToArray();
            if (SignatureAlgorithm.Ed25519.Verify(key.PublicKey, message, Convert.FromHexString(signed[i].Signature)))
                ok++;
        }
        if (ok != n)
            throw new InvalidOperationException("a benchmark signature did not verify");
        return clock.Elapsed.TotalMicroseconds / n;
    }

    private static async Task<(double PerSecond, double P99, int Failures, string? FirstFailure, double CpuUs)> LoadAsync(
        HttpClient http, string url, (byte[] Body, string Signature, string Timestamp)[] signed, Cursor cursor, TimeSpan duration, Func<string, bool> ok)
    {
        var failures = 0;
        string? firstFailure = null;
        var latencies = new ConcurrentBag<double>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var i = Interlocked.Increment(ref cursor.Next) - 1;
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
        var cpuUs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds;
        var sorted = latencies.Order().ToList();
        return (sorted.Count / elapsed, Stats.Percentile(sorted, 99), failures, firstFailure, cpuUs / Math.Max(1, sorted.Count));
    }

    /// <summary>Where the next request body is taken from, shared by a warm-up and its measured phase.</summary>
    private sealed class Cursor
    {
        public int Next;
    }
}
