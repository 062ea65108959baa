using System.Diagnostics;
using System.Globalization;
using Cl37.Bot.Data;
using Cl37.Bot.Quiz;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Benchmarks;

/// <summary>A leaderboard page plus the requester's own rank with 1,000,000 answers from 10,000
/// people. Baseline: the same page computed with a SUM over the answers table.</summary>
internal static class LeaderboardFigure
{
    public static async Task<Figure> RunAsync(int people = 10_000, int answers = 1_000_000, int calls = 2_000)
    {
        await using var app = new BenchApp();
        _ = app.Server;
        var channel = await app.Get<ChannelDirectory>().EnsureAsync(BenchApp.Channel, CancellationToken.None);
        var seed = Stopwatch.StartNew();
        await SeedAsync(app, channel.GroupId, channel.ChannelId, people, answers);
        seed.Stop();

        var service = app.Get<LeaderboardService>();
        var random = new Random(42);
        for (var i = 0; i < 50; i++)
            await service.GetPageAsync(channel.GroupId, PeriodKeys.AllTime, random.Next(1, 100), "u" + random.Next(people), CancellationToken.None);
        var latencies = new List<double>(calls);
        for (var i = 0; i < calls; i++)
        {
            var page = random.Next(1, people / 10);
            var sw = Stopwatch.StartNew();
            var result = await service.GetPageAsync(channel.GroupId, PeriodKeys.AllTime, page, "u" + random.Next(people), CancellationToken.None);
            sw.Stop();
            if (result.Me is null || result.Rows.Count == 0)
                throw new InvalidOperationException("leaderboard returned no rows");
            latencies.Add(sw.Elapsed.TotalMilliseconds);
        }
        latencies.Sort();

        var rebuilds = new List<double>();
        var cache = app.Get<LeaderboardCache>();
        for (var i = 0; i < 20; i++)
        {
            cache.Invalidate(channel.GroupId);
            var sw = Stopwatch.StartNew();
            await service.GetPageAsync(channel.GroupId, PeriodKeys.AllTime, random.Next(1, people / 10), "u" + random.Next(people), CancellationToken.None);
            rebuilds.Add(sw.Elapsed.TotalMilliseconds);
        }
        rebuilds.Sort();

        var baseline = await SumOverAnswersAsync(app, channel.GroupId, 20);
        var p50 = Stats.Percentile(latencies, 50);
        var p99 = Stats.Percentile(latencies, 99);
        return new Figure($"leaderboard page + own rank, {answers:N0} answers / {people:N0} people",
            $"SUM over answers: {Stats.Ms(baseline)}", $"p50 {Stats.Ms(p50)}, p99 {Stats.Ms(p99)}", Stats.Ratio(p50, baseline), "≤ 5 ms", p99 <= 5,
            string.Create(CultureInfo.InvariantCulture, $"first page after a change (board re-ranked): p50 {Stats.Ms(Stats.Percentile(rebuilds, 50))}; seeded in {seed.Elapsed.TotalSeconds:0.0} s"));
    }

    private static async Task<double> SumOverAnswersAsync(BenchApp app, long groupId, int runs)
    {
        await using var db = await app.Get<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            var rows = await db.Answers.Where(a => a.GroupId == groupId && !a.Practice)
                .GroupBy(a => a.PersonId).Select(g => new { g.Key, Points = g.Sum(a => a.Points) })
                .OrderByDescending(x => x.Points).Take(10).ToListAsync();
            sw.Stop();
            times.Add(sw.Elapsed.TotalMilliseconds);
            if (rows.Count == 0)
                throw new InvalidOperationException("no rows");
        }
        times.Sort();
        return Stats.Percentile(times, 50);
    }

    private static async Task SeedAsync(BenchApp app, long groupId, long channelId, int people, int answers)
    {
        await using var db = await app.Get<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var postsNeeded = answers / people;
        await using (var tx = await connection.BeginTransactionAsync())
        {
            for (var p = 0; p < people; p++)
                await BenchDatabase.ExecAsync(connection, tx, """INSERT INTO "People" ("GroupId","ExternalId","DisplayName","CurrentStreak","BestStreak") VALUES (@g,@e,@n,0,0)""",
                    ("g", groupId), ("e", "u" + p), ("n", "Person " + p));
            for (var q = 0; q < postsNeeded; q++)
                await BenchDatabase.ExecAsync(connection, tx, """INSERT INTO "Posts" ("ChannelId","GroupId","QuestionId","PostedUtc","HideResults") VALUES (@c,@g,@q,@t,0)""",
                    ("c", channelId), ("g", groupId), ("q", "cl37-model-deployment/mcq/" + (q % 15 + 1)), ("t", DateTime.UtcNow));
            await tx.CommitAsync();
        }
        await using (var tx = await connection.BeginTransactionAsync())
        await using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO "Answers" ("PostId","PersonId","GroupId","QuestionId","Response","Points","IsCorrect","Practice","AnsweredUtc","LatencyMs")
                SELECT p."Id", pe."Id", @g, p."QuestionId", 'B', CASE WHEN abs(random()) % 3 = 0 THEN 0 ELSE 10 END, 1, 0, p."PostedUtc", abs(random()) % 60000
                FROM "Posts" p CROSS JOIN "People" pe WHERE p."GroupId" = @g AND pe."GroupId" = @g
                """;
            var g = cmd.CreateParameter();
            g.ParameterName = "@g";
            g.Value = groupId;
            cmd.Parameters.Add(g);
            cmd.CommandTimeout = 600;
            await cmd.ExecuteNonQueryAsync();
            await BenchDatabase.ExecAsync(connection, tx, """UPDATE "Answers" SET "IsCorrect" = ("Points" > 0)""");
            await BenchDatabase.ExecAsync(connection, tx, """
                INSERT INTO "ScoreTotals" ("GroupId","Period","PersonId","Points","Answered","Correct")
                SELECT "GroupId", 'A', "PersonId", SUM("Points"), COUNT(*), SUM("IsCorrect") FROM "Answers" WHERE "GroupId" = @g GROUP BY "GroupId", "PersonId"
                """, ("g", groupId));
            await tx.CommitAsync();
        }
        await BenchDatabase.ExecAsync(connection, null, "ANALYZE");
    }
}
