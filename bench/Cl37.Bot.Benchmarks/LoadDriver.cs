using System.Diagnostics;

namespace Cl37.Bot.Benchmarks;

/// <summary>The one load driver the peer figures use for both sides: a fixed number of requests in
/// flight for a fixed time, each built by <c>request(i)</c> from a shared counter, latency from send
/// to the whole body read, and the server process's own CPU time and memory over the phase.</summary>
internal static class LoadDriver
{
    public sealed record Result(int Requests, double PerSecond, double P50, double P99, int Failures, string? FirstFailure,
        double CpuUsPerRequest, double PeakRssMb, double RssAfterMb);

    public static async Task<Result> RunAsync(HttpClient http, ServerProcess server, int inFlight, TimeSpan duration,
        Func<long, HttpRequestMessage> request, Func<HttpResponseMessage, string, bool> ok, Counter counter)
    {
        var failures = 0;
        string? firstFailure = null;
        var latencies = new List<double>[inFlight];
        var peak = server.RssMb();
        var cpu = server.CpuTime();
        var clock = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, server.RssMb());
                try
                {
                    await Task.Delay(250, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
        var workers = Enumerable.Range(0, inFlight).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = [];
            while (clock.Elapsed < duration)
            {
                using var message = request(Interlocked.Increment(ref counter.Next) - 1);
                var started = Stopwatch.GetTimestamp();
                string text;
                bool good;
                try
                {
                    using var response = await http.SendAsync(message);
                    text = await response.Content.ReadAsStringAsync();
                    good = ok(response, text);
                    if (!good)
                        text = $"{(int)response.StatusCode} {text[..Math.Min(text.Length, 200)]}";
                }
                catch (HttpRequestException ex)
                {
                    (text, good) = (ex.Message, false);
                }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!good)
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstFailure, text, null);
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpuUs = (server.CpuTime() - cpu).TotalMicroseconds;
        await sampling.CancelAsync();
        await sampler;
        var sorted = latencies.SelectMany(l => l).Order().ToList();
        await Task.Delay(TimeSpan.FromSeconds(1));
        return new Result(sorted.Count, sorted.Count / elapsed, Stats.Percentile(sorted, 50), Stats.Percentile(sorted, 99), failures, firstFailure,
            cpuUs / Math.Max(1, sorted.Count), Math.Max(peak, server.RssMb()), server.RssMb());
    }

    /// <summary>Where the next request is taken from, shared across a side's phases so every
    /// request (a person, a signed body) is new to the server.</summary>
    public sealed class Counter
    {
        public long Next;
    }
}
