using Cl37.Bot.Tests.Scheduling;
using Cl37.Bot.Quiz;
using Cl37.Bot.Quiz.Scoring;
using Cl37.Bot.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cl37.Bot.Tests.Hosting;

[Trait(Tier.Name, Tier.Slow)]
public sealed class GracefulStopTests
{
    [Fact]
    public async Task Stop_AnswersStillQueued_AreAllStoredBeforeTheHostEnds()
    {
        await using var app = new QuizApp(TestDeck.OneQuestion());
        _ = app.Server;
        var postId = await app.PostQuestionAsync();
        long groupId;
        await using (var db = app.Db())
            groupId = await db.Posts.Where(p => p.Id == postId).Select(p => p.GroupId).SingleAsync();

        // Hold SQLite's write lock so the writer cannot store anything before the stop begins.
        await using var blocker = new SqliteConnection($"Data Source={app.DatabasePath}");
        await blocker.OpenAsync();
        await using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        const int count = 300;
        var writer = app.Get<AnswerWriter>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var writes = Enumerable.Range(0, count)
            .Select(i => writer.WriteAsync(new PendingAnswer(groupId, postId, "test/mcq/1", "s" + i, "S " + i, "B", 10, true, false, now, TimeSpan.FromMilliseconds(100),
                [PeriodKeys.AllTime], BonusSettings.None), CancellationToken.None))
            .ToList();
        Assert.All(writes, w => Assert.False(w.IsCompleted));

        var lifetime = app.Get<IHostApplicationLifetime>();
        var stop = Task.Run(() => app.Services.GetRequiredService<IHost>().StopAsync());
        await WaitUntilAsync(() => lifetime.ApplicationStopping.IsCancellationRequested);
        await using (var rollback = blocker.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }
        await stop.WaitAsync(TimeSpan.FromSeconds(30));

        var stored = await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.All(stored, s => Assert.True(s.Inserted));
        await using var check = new SqliteConnection($"Data Source={app.DatabasePath}");
        await check.OpenAsync();
        await using var cmd = check.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM Answers WHERE PostId = {postId}";
        Assert.Equal(count, Convert.ToInt32(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ShutdownTimeout_FromSetting_IsTheHostsStopBudget()
    {
        using var app = new QuizApp(settings: new Dictionary<string, string?> { ["Hosting:ShutdownTimeoutSeconds"] = "17" });
        _ = app.Server;
        Assert.Equal(TimeSpan.FromSeconds(17), app.Get<Microsoft.Extensions.Options.IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    // Docker and Kubernetes may stop a replica the moment it reports ready, while the deferred start-up
    // work (schedules, scheduler) is still running: that work is cancelled and the process exits 0.
    [Fact]
    public async Task Sigterm_RightAfterTheFirstReadyAnswer_ExitsCleanly()
    {
        for (var run = 0; run < 3; run++)
        {
            await using var app = AppProcess.Start(new Dictionary<string, string>
            {
                ["Scheduling__Enabled"] = "true",
            });
            await app.WaitReadyAsync();
            var exitCode = await app.StopAsync();
            Assert.True(exitCode == 0, $"exit code {exitCode}:\n{app.Output}");
            Assert.DoesNotContain("Unhandled exception", app.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Hosting failed to start", app.Output, StringComparison.Ordinal);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        await Eventually.TrueAsync(condition, "the host to begin stopping");
    }
}
