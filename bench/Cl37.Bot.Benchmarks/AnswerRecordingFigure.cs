using System.Diagnostics;
using System.Globalization;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Benchmarks;

/// <summary>Grade + store + totals for 1,000 people answering one post at the same moment
/// through the inbound pipeline every platform calls. The same group answers
/// a new post each round, as it does every day; the warm-up round is their first answer.</summary>
internal static class AnswerRecordingFigure
{
    public static async Task<Figure> RunAsync(int people = 1000, int rounds = 3, int spreadMs = 0)
    {
        await using var app = new BenchApp();
        _ = app.Server;
        var pipeline = app.Get<InboundPipeline>();
        var admin = new ChatUser("admin", "Admin", true);
        var latencies = new List<double>(people * rounds);
        var wall = Stopwatch.StartNew();
        var storing = TimeSpan.Zero;
        for (var round = 0; round < rounds + 1; round++)
        {
            await pipeline.RunAsync(new TypedCommand(BenchApp.Channel, admin, "/quiz now"), CancellationToken.None);
            var (postId, value) = await LatestPostAsync(app);
            using var gate = new ManualResetEventSlim(false);
            var tasks = Enumerable.Range(0, people).Select(i => Task.Run(async () =>
            {
                gate.Wait();
                if (spreadMs > 0)
                    await Task.Delay(TimeSpan.FromMilliseconds(spreadMs * (double)i / people));
                var sw = Stopwatch.StartNew();
                var reply = await pipeline.ReplyOfAsync(await pipeline.RunAsync(new AnswerAction(BenchApp.Channel, new ChatUser($"p{i}", $"Person {i}", false), postId, [value]), CancellationToken.None));
                sw.Stop();
                if (!reply.Text.StartsWith("Answer recorded", StringComparison.Ordinal))
                    throw new InvalidOperationException(reply.Text);
                return sw.Elapsed.TotalMilliseconds;
            })).ToList();
            if (round == 0)
                wall.Restart();
            var burst = Stopwatch.StartNew();
            gate.Set();
            var results = await Task.WhenAll(tasks);
            if (round > 0)
            {
                latencies.AddRange(results);
                storing += burst.Elapsed;
            }
        }
        latencies.Sort();
        var p50 = Stats.Percentile(latencies, 50);
        var p99 = Stats.Percentile(latencies, 99);
        var shape = spreadMs == 0 ? "all at the same instant" : $"arriving within {spreadMs / 1000.0:0.#} s";
        return new Figure($"record an answer (grade + store + totals), {people:N0} answerers {shape}, {rounds} rounds after 1 warm-up",
            "—", $"p50 {Stats.Ms(p50)}, p99 {Stats.Ms(p99)}, max {Stats.Ms(latencies[^1])}", "—", "p99 ≤ 20 ms", p99 <= 20,
            string.Create(CultureInfo.InvariantCulture, $"{latencies.Count} answers stored, {latencies.Count / storing.TotalSeconds:N0} answers/s through the single writer"));
    }

    /// <summary>The newest post and an answer of the right shape for its question.</summary>
    private static async Task<(long PostId, string Value)> LatestPostAsync(BenchApp app)
    {
        await using var db = await app.Get<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        var post = await db.Posts.OrderByDescending(p => p.Id).FirstAsync();
        var question = app.Get<DeckLibrary>().FindQuestion(post.QuestionId)!;
        var value = question.Kind switch
        {
            QuestionKind.SingleChoice or QuestionKind.MultipleSelect => question.Options[0].Key,
            QuestionKind.Numerical => "42",
            _ => "serialization",
        };
        return (post.Id, value);
    }
}
