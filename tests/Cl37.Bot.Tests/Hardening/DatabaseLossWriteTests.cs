using Cl37.Bot.Chat;
using Cl37.Bot.Data;
using Cl37.Bot.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cl37.Bot.Tests.Hardening;

/// <summary>The SQLite file deleted or replaced under the running bot: every kind of write — not only
/// answers — is refused with "Not saved" instead of being acknowledged into a file nobody will read,
/// nothing is announced, and no new empty file appears in its place.</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class DatabaseLossWriteTests
{
    private const string NotSaved = "Not saved: the bot's database file is missing or was replaced, so nothing was changed or shown. Please try again later.";

    [Theory]
    [InlineData("/quiz schedule set 09:00 UTC daily", "general")]
    [InlineData("/quiz schedule off", "general")]
    [InlineData("/quiz settings hide_results:true", "general")]
    [InlineData("/competition start Sprint 2026-12-20", "general")]
    [InlineData("/quiz practice", "general")]
    [InlineData("/quiz now", "general")]
    [InlineData("/stats", "a-new-channel")]
    public async Task Command_DatabaseFileDeleted_RepliesNotSavedAndAnnouncesNothing(string command, string channel)
    {
        await using var app = await StartedAsync();
        var posts = app.Platform.Posts.Count;

        DeleteDatabase(app);
        var reply = await app.RunAsync(command, QuizApp.User("admin", admin: true), QuizApp.Channel(channel));

        Assert.Equal(NotSaved, reply.Text);
        Assert.True(reply.NotSaved);
        Assert.Equal(posts, app.Platform.Posts.Count);
        Assert.False(File.Exists(app.DatabasePath), "a new, empty database file appeared where the deleted one was");
    }

    [Fact]
    public async Task ScheduleSet_DatabaseFileReplaced_RepliesNotSaved()
    {
        await using var app = await StartedAsync();

        var other = app.DatabasePath + ".other";
        await using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA application_id = 42; CREATE TABLE t (x);";
            await cmd.ExecuteNonQueryAsync();
        }
        File.Move(other, app.DatabasePath, overwrite: true);
        var reply = await app.RunAsync("/quiz schedule set 09:00 UTC daily", QuizApp.User("admin", admin: true));

        Assert.Equal(NotSaved, reply.Text);
    }

    [Fact]
    public async Task ChannelData_DatabaseFileDeleted_SaveFailsInsteadOfAcknowledging()
    {
        await using var app = await StartedAsync();
        var store = app.Services.GetRequiredService<IChannelDataStore>();

        DeleteDatabase(app);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => store.SaveAsync(QuizApp.Channel(), "{\"serviceUrl\":\"https://example.test/\"}", CancellationToken.None));
        Assert.True(StorageFaults.IsFault(error), error.ToString());
        Assert.False(File.Exists(app.DatabasePath));
    }

    [Fact]
    public async Task SaveChanges_ConnectionOpenedBeforeTheFileWasDeleted_ThrowsInsteadOfWritingToTheDeletedFile()
    {
        await using var app = await StartedAsync();
        await using var db = app.Db();
        // A connection that still holds the deleted file: it would take the write without any error.
        await db.Database.OpenConnectionAsync();
        var group = await db.Groups.FirstAsync();

        DeleteDatabase(app);
        group.HideResults = true;

        await Assert.ThrowsAsync<DatabaseFileLostException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task ExecuteUpdate_ConnectionOpenedBeforeTheFileWasDeleted_ThrowsInsteadOfWritingToTheDeletedFile()
    {
        await using var app = await StartedAsync();
        await using var db = app.Db();
        await db.Database.OpenConnectionAsync();
        Assert.True(await db.Groups.AnyAsync());

        DeleteDatabase(app);

        await Assert.ThrowsAsync<DatabaseFileLostException>(() => db.Groups.ExecuteUpdateAsync(s => s.SetProperty(g => g.HideResults, true)));
    }

    [Fact]
    public async Task ScheduleSet_DatabaseFileIntact_IsStored()
    {
        await using var app = await StartedAsync();

        var reply = await app.RunAsync("/quiz schedule set 09:00 UTC daily", QuizApp.User("admin", admin: true));

        Assert.StartsWith("📅", reply.Text);
        await using var db = app.Db();
        Assert.Single(db.Schedules);
    }

    /// <summary>A running app that has posted and stored an answer, so its connections are open and pooled.</summary>
    private static async Task<QuizApp> StartedAsync()
    {
        var app = new QuizApp(TestDeck.OneQuestion());
        var postId = await app.PostQuestionAsync();
        Assert.Contains("Answer recorded", (await app.AnswerAsync(postId, "ann", "B")).Text);
        return app;
    }

    private static void DeleteDatabase(QuizApp app)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(app.DatabasePath + suffix);
    }
}
