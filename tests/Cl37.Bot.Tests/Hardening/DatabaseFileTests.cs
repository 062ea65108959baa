using System.Net;
using Cl37.Bot.Tests.Fakes;
using Cl37.Bot.Tests.Hosting;
using Cl37.Bot.Tests.Platforms.Discord;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Cl37.Bot.Tests.Hardening;

/// <summary>The SQLite file deleted or replaced under the running bot: readiness says so, the error
/// is logged once, answers are refused instead of acknowledged into a file nobody will read, and the
/// next start says it is creating a new database where one was expected.</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class DatabaseFileTests
{
    [Fact]
    public async Task Ready_DatabaseFileDeletedWhileRunning_NotReadyRefusesAnswersAndARestartAskedToCreateWarns()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = new QuizApp(TestDeck.OneQuestion());
        await using var host = WithLogs(app, logs);
        using var http = host.CreateClient();
        var dispatcher = host.Services.Inbound();
        await dispatcher.DispatchTextAsync("/quiz now", QuizApp.Channel(), QuizApp.User("admin", admin: true), CancellationToken.None);
        var postId = app.Platform.Cards<Cl37.Bot.Chat.QuestionCard>().Last().PostId;
        Assert.Contains("Answer recorded", (await Answer(dispatcher, postId, "ann")).Text);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);

        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(app.DatabasePath + suffix);

        for (var probe = 0; probe < 2; probe++)
        {
            using var ready = await http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("is gone", await ready.Content.ReadAsStringAsync());
        }
        Assert.False(File.Exists(app.DatabasePath), "the readiness probe created a new, empty database");
        Assert.Single(logs.Lines, l => l.StartsWith("Error Cl37.Bot.Observability.DatabaseHealthCheck", StringComparison.Ordinal) && l.Contains("is gone", StringComparison.Ordinal));
        var refused = await Answer(dispatcher, postId, "ben");
        Assert.True(refused.NotSaved);
        Assert.Contains("not saved", refused.Text);

        await host.DisposeAsync();
        var restartLogs = new CapturingLoggerProvider();
        await using var restarted = new QuizApp(settings: new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={app.DatabasePath}",
            ["Database:CreateIfMissing"] = "true",
        });
        await using var restartedHost = WithLogs(restarted, restartLogs);
        _ = restartedHost.Server;
        Assert.Contains(restartLogs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal)
            && l.Contains("Creating a new, empty database at " + app.DatabasePath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_DatabaseFileGoneWhereTheMarkerShowsOne_ExitsWithOneLineAndKeepsTheMarker()
    {
        var workDir = Directory.CreateTempSubdirectory("cl37-lost-").FullName;
        var database = Path.Combine(workDir, "data", "bot.db");
        // Disposing an app process removes its folder, so each stays until the test ends.
        await using var first = AppProcess.Start(new Dictionary<string, string>(), workDir: workDir);
        await first.WaitReadyAsync();
        Assert.Equal(0, await first.StopAsync());
        var marker = await File.ReadAllTextAsync(database + ".id");
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(database + suffix);

        await using var refused = AppProcess.Start(new Dictionary<string, string>(), workDir: workDir);
        var exitCode = await refused.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(Cl37.Bot.Hosting.CommandLine.DatabaseMissing, exitCode);
        var lines = refused.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            $"The database file {database} is missing, but {database}.id shows a database was kept there: " +
            "restore the file (or fix Database:ConnectionString), or set Database:CreateIfMissing=true to start with a new, empty database.",
            Assert.Single(lines, l => l.Contains(database, StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal) || l.Contains("Hosting failed", StringComparison.Ordinal));
        Assert.False(File.Exists(database), "the refused start created a database");
        Assert.Equal(marker, await File.ReadAllTextAsync(database + ".id"));

        await using var created = AppProcess.Start(new Dictionary<string, string> { ["Database__CreateIfMissing"] = "true" }, workDir: workDir);
        await created.WaitReadyAsync();
        Assert.True(File.Exists(database));
    }

    [Fact]
    public async Task Ready_DatabaseFileReplacedWhileRunning_NotReadyAndSaysReplaced()
    {
        await using var app = new QuizApp();
        using var http = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);

        var other = app.DatabasePath + ".other";
        await using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA application_id = 42; CREATE TABLE t (x);";
            await cmd.ExecuteNonQueryAsync();
        }
        foreach (var suffix in new[] { "-wal", "-shm" })
            File.Delete(app.DatabasePath + suffix);
        File.Move(other, app.DatabasePath, overwrite: true);

        using var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("was replaced", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Start_NewDatabaseWithoutAMarker_DoesNotWarn()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = new QuizApp();
        await using var host = WithLogs(app, logs);
        _ = host.Server;

        Assert.True(File.Exists(app.DatabasePath + ".id"));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("Creating a new, empty database", StringComparison.Ordinal));
    }

    private static WebApplicationFactory<Program> WithLogs(QuizApp app, CapturingLoggerProvider logs) =>
        app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));

    private static Task<Cl37.Bot.Chat.OutgoingMessage> Answer(InboundDriver dispatcher, long postId, string user) =>
        dispatcher.AnswerAsync(new Cl37.Bot.Chat.AnswerAction(QuizApp.Channel(), QuizApp.User(user), postId, ["B"]), CancellationToken.None);
}
