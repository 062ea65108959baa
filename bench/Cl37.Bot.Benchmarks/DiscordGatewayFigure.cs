using System.Diagnostics;
using System.Globalization;
using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cl37.Bot.Benchmarks;

/// <summary>Issue 6, gateway path: 500 clicks from 500 people within one second arrive over the
/// gateway; click → interaction callback sent. <c>spreadMs</c> paces the clicks evenly
/// over that time (a real crowd); 0 sends them back to back (a stress figure).</summary>
internal static class DiscordGatewayFigure
{
    public static async Task<Figure> RunAsync(int people = 500, int rounds = 3, int spreadMs = 0)
    {
        var database = Path.Combine(Path.GetTempPath(), $"cl37-bench-discord-{Guid.NewGuid():N}.db");
        await using var stub = await DiscordBenchStub.StartAsync();
        var bot = await stub.StartBotAsync(database, new Dictionary<string, string?> { ["Discord:Mode"] = "Gateway" });
        try
        {
            await stub.ConnectGatewayAsync();
            var control = await stub.PostQuestionAsync(bot);
            var latencies = new List<double>();
            var handled = new System.Collections.Concurrent.ConcurrentBag<double>();
            using var listener = new System.Diagnostics.Metrics.MeterListener();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == Cl37.Bot.Chat.InboundPipeline.MeterName && instrument.Name == "cl37_inbound_duration")
                    l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
            {
                foreach (var tag in tags)
                    if (tag is { Key: "platform", Value: "discord" })
                        handled.Add(seconds * 1000);
            });
            listener.Start();
            long seq = 2;
            for (var round = 0; round <= rounds; round++)
            {
                var count = round == 0 ? 50 : people;
                var sent = new Dictionary<string, long>();
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < count; i++)
                {
                    if (spreadMs > 0 && round > 0)
                    {
                        var due = TimeSpan.FromMilliseconds(spreadMs * (double)i / count) - Stopwatch.GetElapsedTime(start);
                        if (due > TimeSpan.FromMilliseconds(1))
                            await Task.Delay(due);
                    }
                    var token = $"r{round}t{i}";
                    var click = DiscordBenchStub.Click((80351110224670000L + (round * 10_000) + i).ToString(CultureInfo.InvariantCulture), token, control);
                    sent[token] = Stopwatch.GetTimestamp();
                    await stub.DispatchAsync(click, seq++);
                }
                var deadline = Stopwatch.StartNew();
                while (sent.Keys.Any(t => !stub.Callbacks.ContainsKey(t)) && deadline.Elapsed < TimeSpan.FromSeconds(30))
                    await Task.Delay(10);
                if (round > 0)
                    latencies.AddRange(sent.Select(s => stub.Callbacks.TryGetValue(s.Key, out var at) ? Stopwatch.GetElapsedTime(s.Value, at).TotalMilliseconds : double.PositiveInfinity));
            }
            latencies.Sort();
            var handling = handled.Order().ToList();
            await using var db = await bot.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
            var stored = await db.Answers.CountAsync();
            var p99 = Stats.Percentile(latencies, 99);
            var shape = spreadMs > 0 ? $"spread evenly over {spreadMs / 1000.0:0.#} s" : "sent back to back";
            return new Figure($"Discord gateway: click → callback sent, {people} clicks from {people} people per burst, {shape} ({rounds} bursts after a warm-up)",
                "—", $"p50 {Stats.Ms(Stats.Percentile(latencies, 50))}, p99 {Stats.Ms(p99)}, max {Stats.Ms(latencies[^1])}", "—", "p99 ≤ 200 ms, every click stored", p99 <= 200 && stub.Unrecorded.IsEmpty && latencies.All(double.IsFinite),
                string.Create(CultureInfo.InvariantCulture, $"{stored} answers stored; interaction received → reply ready (dispatcher incl.) p50 {Stats.Ms(Stats.Percentile(handling, 50))}, p99 {Stats.Ms(Stats.Percentile(handling, 99))}; {stub.Unrecorded.Count} callbacks without a stored answer{(stub.Unrecorded.TryPeek(out var first) ? ", e.g. " + first[..Math.Min(160, first.Length)] : "")}"));
        }
        finally
        {
            await bot.StopAsync();
            await bot.DisposeAsync();
            BenchDatabase.Delete(database);
        }
    }
}
