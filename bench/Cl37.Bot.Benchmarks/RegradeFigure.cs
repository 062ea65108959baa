using System.Diagnostics;
using System.Globalization;
using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Cl37.Bot.Quiz;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Benchmarks;

/// <summary><c>/quiz regrade confirm:true</c> for one question with 100,000 stored answers on SQLite
/// (2,000 people × 50 posts of it over 50 days), every answer graded against a wrong key, so about
/// half of them change: answers, totals of every period, streaks and FSRS memories. Target under
/// 2 s. Baseline: the dry run, which reads and grades the same answers and writes nothing. A small
/// regrade of another question runs first, so EF's one-time query compilation is not in the figure.</summary>
internal static class RegradeFigure
{
    public static async Task<Figure> RunAsync(int people = 2_000, int posts = 50)
    {
        await using var app = new BenchApp();
        _ = app.Server;
        var channel = await app.Get<ChannelDirectory>().EnsureAsync(BenchApp.Channel, CancellationToken.None);
        var question = app.Get<DeckLibrary>().AllQuestions.First();
        var warmUp = app.Get<DeckLibrary>().AllQuestions.Skip(1).First();
        var seed = Stopwatch.StartNew();
        await SeedAsync(app, channel.GroupId, channel.ChannelId, question, people, posts);
        await SeedAsync(app, channel.GroupId, channel.ChannelId, warmUp, 20, 2, "w");
        seed.Stop();

        var service = app.Get<RegradeService>();
        await service.RegradeAsync(channel, null, warmUp.Id, apply: false, includeFinished: false, CancellationToken.None);
        await service.RegradeAsync(channel, null, warmUp.Id, apply: true, includeFinished: false, CancellationToken.None);
        var dry = Stopwatch.StartNew();
        var plan = (RegradeReport.Done)await service.RegradeAsync(channel, null, question.Id, apply: false, includeFinished: false, CancellationToken.None);
        dry.Stop();
        var run = Stopwatch.StartNew();
        var done = (RegradeReport.Done)await service.RegradeAsync(channel, null, question.Id, apply: true, includeFinished: false, CancellationToken.None);
        run.Stop();

        var regraded = Assert(done.Questions.Single());
        if (regraded.Changed != Assert(plan.Questions.Single()).Changed)
            throw new InvalidOperationException("the regrade changed other answers than its dry run said");
        await using (var db = await app.Get<IDbContextFactory<BotDbContext>>().CreateDbContextAsync())
        {
            var version = QuestionVersion.Of(question);
            if (await db.Answers.CountAsync(a => a.QuestionId == question.Id && a.QuestionVersion == version) != people * posts)
                throw new InvalidOperationException("not every answer carries the current version");
        }
        var again = Stopwatch.StartNew();
        var second = (RegradeReport.Done)await service.RegradeAsync(channel, null, question.Id, apply: true, includeFinished: false, CancellationToken.None);
        again.Stop();
        if (second.Questions.Count != 0)
            throw new InvalidOperationException("a second regrade found work");

        return new Figure($"regrade one question, {people * posts:N0} stored answers (SQLite)",
            $"dry run: {Stats.Ms(dry.Elapsed.TotalMilliseconds)}", Stats.Ms(run.Elapsed.TotalMilliseconds),
            Stats.Ratio(run.Elapsed.TotalMilliseconds, dry.Elapsed.TotalMilliseconds), "< 2 s", run.Elapsed.TotalMilliseconds < 2000,
            string.Create(CultureInfo.InvariantCulture,
                $"{regraded.Changed:N0} answers changed ({regraded.Gained:N0} people gained, {regraded.Lost:N0} lost); a second run: {Stats.Ms(again.Elapsed.TotalMilliseconds)}; seeded in {seed.Elapsed.TotalSeconds:0.0} s"));
    }

    private static QuestionRegrade Assert(QuestionRegrade q) => q.Changed > 0 ? q : throw new InvalidOperationException("nothing changed");

    private static async Task SeedAsync(BenchApp app, long groupId, long channelId, Question question, int people, int posts, string prefix = "u")
    {
        var wrongKey = question.Options.First(o => !question.CorrectKeys.Contains(o.Key)).Key;
        var keys = question.Options.Select(o => o.Key).ToArray();
        var random = new Random(37);
        await using var db = await app.Get<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        for (var p = 0; p < people; p++)
            await BenchDatabase.ExecAsync(connection, tx, """INSERT INTO "People" ("GroupId","ExternalId","DisplayName","CurrentStreak","BestStreak") VALUES (@g,@e,@n,0,0)""",
                ("g", groupId), ("e", prefix + p), ("n", "Person " + prefix + p));
        var start = new DateTime(2026, 9, 1, 9, 0, 0, DateTimeKind.Utc);
        for (var q = 0; q < posts; q++)
            await BenchDatabase.ExecAsync(connection, tx, """INSERT INTO "Posts" ("ChannelId","GroupId","QuestionId","PostedUtc","HideResults") VALUES (@c,@g,@q,@t,0)""",
                ("c", channelId), ("g", groupId), ("q", question.Id), ("t", start.AddDays(q)));

        var personIds = new List<long>();
        var postRows = new List<(long Id, DateTime At)>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = $"""SELECT "Id" FROM "People" WHERE "ExternalId" LIKE '{prefix}%' ORDER BY "Id" """;
            await using (var reader = await cmd.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                    personIds.Add(reader.GetInt64(0));
            }
            cmd.CommandText = $"""SELECT "Id", "PostedUtc" FROM "Posts" WHERE "QuestionId" = '{question.Id}' ORDER BY "Id" """;
            await using (var reader = await cmd.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                    postRows.Add((reader.GetInt64(0), reader.GetDateTime(1)));
            }
        }

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = """
                INSERT INTO "Answers" ("PostId","PersonId","GroupId","QuestionId","Response","Points","IsCorrect","Practice","AnsweredUtc","LatencyMs","QuestionVersion")
                VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,0,@p7,@p8,'wrong-key')
                """;
            for (var i = 0; i < 9; i++)
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                insert.Parameters.Add(parameter);
            }
            foreach (var (postId, at) in postRows)
            {
                foreach (var personId in personIds)
                {
                    var response = random.NextDouble() < 0.6 ? question.CorrectKeys[0] : keys[random.Next(keys.Length)];
                    var right = response == wrongKey;
                    object[] values = [postId, personId, groupId, question.Id, response, right ? 10.0 : 0.0, right, at.AddSeconds(random.Next(3600)), random.Next(3_600_000)];
                    for (var i = 0; i < values.Length; i++)
                        insert.Parameters[i].Value = values[i];
                    await insert.ExecuteNonQueryAsync();
                }
            }
        }
        await BenchDatabase.ExecAsync(connection, tx, """
            INSERT INTO "ScoreTotals" ("GroupId","Period","PersonId","Points","Answered","Correct")
            SELECT "GroupId", 'A', "PersonId", SUM("Points"), COUNT(*), SUM("IsCorrect") FROM "Answers" WHERE "GroupId" = @g AND "QuestionId" = @q GROUP BY "GroupId", "PersonId"
            """, ("g", groupId), ("q", question.Id));
        await BenchDatabase.ExecAsync(connection, tx, """
            INSERT INTO "ReviewStates" ("PersonId","QuestionId","Stability","Difficulty","LastReviewUtc","DueUtc","Right","Wrong")
            SELECT "PersonId", "QuestionId", 3, 5, MAX("AnsweredUtc"), MAX("AnsweredUtc"), SUM("IsCorrect"), COUNT(*) - SUM("IsCorrect") FROM "Answers" WHERE "QuestionId" = @q GROUP BY "PersonId", "QuestionId"
            """, ("q", question.Id));
        await tx.CommitAsync();
        await BenchDatabase.ExecAsync(connection, null, "ANALYZE");
    }
}
