using System.Net;
using Cl37.Bot.Data;
using Cl37.Bot.Tests.Fakes;
using Cl37.Bot.Tests.Scheduling;
using Microsoft.Data.Sqlite;

namespace Cl37.Bot.Tests.Hardening;

/// <summary>A store that cannot be read while the bot runs — pages damaged, the file swapped for a copy
/// without the tables — makes readiness fail, from the timed read probe and from the reads that fail,
/// and a command that only reads says it could not read rather than "not saved".</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class DatabaseReadTests
{
    private const string CouldNotRead = "Could not read the bot's database, so nothing was shown or changed. Please try again in a moment.";

    [Fact]
    public async Task Ready_FileReplacedByACopyWithoutTables_NotReadyNamingTheMissingTable()
    {
        await using var app = new QuizApp();
        using var http = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);

        // The same id in its header, so only a real read can tell it is not the bot's database.
        var id = app.Get<DatabaseState>().SqliteFile!.Id;
        var copy = app.DatabasePath + ".copy";
        await using (var connection = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"PRAGMA application_id = {id}; CREATE TABLE t (x);";
            await cmd.ExecuteNonQueryAsync();
        }
        foreach (var suffix in new[] { "-wal", "-shm" })
            File.Delete(app.DatabasePath + suffix);
        File.Move(copy, app.DatabasePath, overwrite: true);

        var body = await NotReadyAsync(app, http);
        Assert.Contains("reading the database failed: SQLite error 1: no such table: Groups", body);
    }

    [Fact]
    public async Task Stats_PagesDamaged_SaysItCouldNotReadAndReadinessFails()
    {
        await using var app = new QuizApp(TestDeck.OneQuestion());
        using var http = app.CreateClient();
        var postId = await app.PostQuestionAsync();
        await app.AnswerAsync(postId, "ann", "B");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);

        await DamageEveryPageButTheFirstAsync(app.DatabasePath);
        var reply = await app.RunAsync("/stats", QuizApp.User("ann"));

        Assert.Equal(CouldNotRead, reply.Text);
        using (var ready = await http.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("SQLite reads are failing: SQLite error 11", await ready.Content.ReadAsStringAsync());
        }
        Assert.Contains("reading the database failed: SQLite error 11", await NotReadyAsync(app, http));
    }

    [Fact]
    public async Task Ready_PagesDamagedAndNothingAsked_TheProbeFindsIt()
    {
        await using var app = new QuizApp(TestDeck.OneQuestion());
        using var http = app.CreateClient();
        await app.PostQuestionAsync();

        await DamageEveryPageButTheFirstAsync(app.DatabasePath);

        Assert.Contains("reading the database failed: SQLite error 11", await NotReadyAsync(app, http));
    }

    /// <summary>Moves the clock past the probe's interval until readiness fails (the probe's loop may
    /// not be waiting on the clock yet when the test first moves it); returns the report.</summary>
    private static async Task<string> NotReadyAsync(QuizApp app, HttpClient http)
    {
        var body = "";
        await Eventually.TrueAsync(async () =>
        {
            app.Clock.Advance(DatabaseReadProbe.Interval);
            using var ready = await http.GetAsync("/health/ready");
            body = await ready.Content.ReadAsStringAsync();
            return ready.StatusCode == HttpStatusCode.ServiceUnavailable && body.Contains("reading the database failed", StringComparison.Ordinal);
        }, "readiness to report the failed read probe");
        return body;
    }

    /// <summary>Moves everything into the file, then overwrites all pages after the first (the header
    /// and schema stay readable, every table is garbage), and drops the idle pooled connections with
    /// their cached pages, as a restart would.</summary>
    private static async Task DamageEveryPageButTheFirstAsync(string path)
    {
        int pageSize;
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await cmd.ExecuteNonQueryAsync();
            cmd.CommandText = "PRAGMA page_size;";
            pageSize = Convert.ToInt32(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            var garbage = new byte[file.Length - pageSize];
            Array.Fill(garbage, (byte)0xA5);
            file.Position = pageSize;
            await file.WriteAsync(garbage);
        }
        using var appConnections = new SqliteConnection(DataHostingExtensions.SqliteConnectionString($"Data Source={path}", createFile: false));
        SqliteConnection.ClearPool(appConnections);
    }
}
