using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Cl37.Bot.Content;
using Cl37.Bot.Messages;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Decks;

public sealed class DeckWatcherTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cl37-watch-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly Lines _log = new();

    public void Dispose() => Directory.Delete(_dir, true);

    private static string Course => File.ReadAllText(DeckFiles.ContentDeck);

    /// <summary>The course deck with its first key changed to a letter no option has: one error on line 16.</summary>
    private static string Broken => ReplaceFirst(Course, "**✅ Correct Answer:** B", "**✅ Correct Answer:** Z");

    /// <summary>The course deck without MCQ 2: 37 questions.</summary>
    private static string WithoutMcq2
    {
        get
        {
            var text = Course;
            var start = text.IndexOf("### MCQ 2\n", StringComparison.Ordinal);
            var end = text.IndexOf("### MCQ 3\n", StringComparison.Ordinal);
            return text[..start] + text[end..];
        }
    }

    [Fact]
    public void Read_FileEditedIntoAnError_KeepsLastGoodVersionAndReportsFileLine()
    {
        var file = Write("course.md", Course);
        var folder = new DeckFolder(_dir);
        var first = folder.Read().Library;
        var good = first.FindQuestion("course/mcq/1")!;

        Write("course.md", Broken);
        var reload = folder.Read();

        var change = Assert.Single(reload.Changes);
        Assert.Equal(DeckChangeKind.KeptLastGood, change.Kind);
        Assert.Equal(38, reload.Library.AllQuestions.Count());
        Assert.Same(good, reload.Library.FindQuestion("course/mcq/1"));
        var error = Assert.Single(reload.Library.Errors);
        Assert.Equal(16, error.Line);
        Assert.EndsWith("course.md", error.File, StringComparison.Ordinal);
        Assert.Contains("answer letter Z is not among", error.Message, StringComparison.Ordinal);
        Assert.True(reload.ProblemsChanged);
        Assert.False(folder.Read().AnythingChanged);
        Assert.Equal(file, Path.Combine(_dir, "course.md"));
    }

    [Fact]
    public void Read_NewFileWithErrors_LoadsWhatParsesAsAtStart()
    {
        var folder = new DeckFolder(_dir);
        Write("course.md", Course);
        folder.Read();

        Write("second.md", Broken);
        var reload = folder.Read();

        var change = Assert.Single(reload.Changes);
        Assert.Equal((DeckChangeKind.Added, "second", null, 37), (change.Kind, change.DeckId, change.Before, change.After));
        Assert.Single(reload.Library.Errors);
    }

    [Fact]
    public void Apply_AddEditBreakFixRemove_ReplacesDecksAndLogsOneLineEach()
    {
        Write("course.md", Course);
        var (watcher, library) = Start();
        var lookupBefore = library.Current;

        Write("extra.md", Course);
        watcher.Apply();
        Assert.Equal(2, library.Decks.Count);
        Assert.Contains("added extra from ", _log.Last(LogLevel.Information), StringComparison.Ordinal);
        Assert.EndsWith("(38 questions)", _log.Last(LogLevel.Information), StringComparison.Ordinal);

        Write("extra.md", WithoutMcq2);
        watcher.Apply();
        Assert.Equal(37, library.QuestionsOf("extra").Count);
        Assert.EndsWith("updated extra (38 → 37 questions)", _log.Last(LogLevel.Information), StringComparison.Ordinal);

        Write("extra.md", Broken);
        watcher.Apply();
        Assert.Equal(37, library.QuestionsOf("extra").Count);
        Assert.Contains("has 1 error(s) (first ", _log.Last(LogLevel.Information), StringComparison.Ordinal);
        Assert.Contains("extra.md:16: MCQ 1: answer letter Z is not among", _log.Last(LogLevel.Information), StringComparison.Ordinal);
        Assert.EndsWith("its last good version of extra (37 questions) stays in service", _log.Last(LogLevel.Information), StringComparison.Ordinal);
        Assert.Contains("extra.md:16:", _log.Last(LogLevel.Warning), StringComparison.Ordinal);

        Write("extra.md", Course);
        watcher.Apply();
        Assert.Equal(38, library.QuestionsOf("extra").Count);
        Assert.Empty(library.Errors);
        Assert.EndsWith("updated extra (37 → 38 questions)", _log.Entries.Reverse().Skip(1).First().Message, StringComparison.Ordinal);
        Assert.Contains("no problems any more", _log.Last(LogLevel.Information), StringComparison.Ordinal);

        File.Delete(Path.Combine(_dir, "extra.md"));
        watcher.Apply();
        Assert.Null(library.FindDeck("extra"));
        Assert.Null(library.FindQuestion("extra/mcq/1"));
        Assert.EndsWith("removed extra (38 questions out of service; answers kept)", _log.Last(LogLevel.Information), StringComparison.Ordinal);
        // A set taken before the changes still answers as it did: nothing holding it sees half of an update.
        Assert.Single(lookupBefore.Decks);
        Assert.Equal(5, library.Version);
    }

    [Fact]
    public async Task Poke_BurstOfEvents_ReadsOnceTheFolderIsQuiet()
    {
        Write("course.md", Course);
        var (watcher, library) = Start();
        // Written before the watcher starts, so only these pokes stand for its events.
        Write("extra.md", Course);
        await watcher.StartAsync(CancellationToken.None);
        watcher.Poke();
        _time.Advance(DeckWatcher.Debounce * 0.8);
        watcher.Poke();
        _time.Advance(DeckWatcher.Debounce * 0.8);
        Assert.Single(library.Decks);

        _time.Advance(DeckWatcher.Debounce * 0.2);
        Assert.Equal(2, library.Decks.Count);
        Assert.Single(_log.Entries, e => e.Message.Contains("Decks changed", StringComparison.Ordinal));
        await watcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Rescan_EventLost_PicksTheChangeUpOnTheTimer()
    {
        Write("course.md", Course);
        var (watcher, library) = Start();
        // Written before the watcher starts, so no event ever tells it: a lost event.
        Write("course.md", WithoutMcq2);
        await watcher.StartAsync(CancellationToken.None);

        _time.Advance(DeckWatcher.RescanEvery - TimeSpan.FromSeconds(1));
        Assert.Equal(38, library.AllQuestions.Count());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(37, library.AllQuestions.Count());
        await watcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void Reply_FileNowBroken_ListsTheKeptDeckWithItsProblemAtFileLine()
    {
        Write("course.md", Course);
        var (watcher, library) = Start();
        Write("course.md", Broken);
        Write("empty.md", "");
        watcher.Apply();

        var reply = DeckListMessages.Reply(DeckListing.Of(library.Current));

        Assert.True(reply.Private);
        var lines = reply.Text.Split('\n');
        Assert.Equal("**Decks** — 1 deck, 38 questions", lines[0]);
        Assert.StartsWith("- **course** (`", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("course.md`): 38 questions: 15 single choice, 10 multiple select, 5 numerical, 8 fill-in", lines[1], StringComparison.Ordinal);
        Assert.Contains("course.md:16`: MCQ 1: answer letter Z is not among", lines[2], StringComparison.Ordinal);
        Assert.Equal("Files that gave no deck:", lines[3]);
        Assert.Contains("empty.md:1`: the file is empty.", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_ImportedDeckWithSkippedTypes_NamesTypeAndLines()
    {
        var gift = """
            ::q1:: 2 + 2 = {#4}

            ::pairs:: Match {=a -> 1 =b -> 2 =c -> 3}

            ::q3:: The sky is {=blue ~green}

            ::pairs2:: Pair {=x -> 1 =y -> 2 =z -> 3}
            """;
        var result = DeckLoader.ParseFile("k8s.gift", System.Text.Encoding.UTF8.GetBytes(gift));

        var summary = DeckSummary.Of(result.Deck!, result.Errors, result.Skipped);

        Assert.Equal("2 questions: 1 single choice, 1 numerical; 2 skipped: matching at lines 3, 7", DeckListMessages.Counts(summary));
    }

    [Fact]
    [Trait(Tier.Name, Tier.Slow)]
    public async Task App_DeckFilesWrittenWhileRunning_InServiceWithinSecondsAndDegradedWhileBroken()
    {
        var content = Directory.CreateDirectory(Path.Combine(_dir, "decks")).FullName;
        File.WriteAllText(Path.Combine(content, "course.md"), Course);
        using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_dir, "bot.db")}");
            b.UseSetting("Quiz:ContentPath", content);
        });
        var client = app.CreateClient();
        var library = app.Services.GetRequiredService<DeckLibrary>();

        File.WriteAllText(Path.Combine(content, "extra.md"), WithoutMcq2);
        await UntilAsync(() => library.FindDeck("extra") is not null);
        Assert.Equal(37, library.QuestionsOf("extra").Count);

        File.WriteAllText(Path.Combine(content, "course.md"), Broken);
        await UntilAsync(() => library.Errors.Count > 0);
        Assert.Equal(38, library.QuestionsOf("course").Count);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var deck = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks")
            .EnumerateArray().Single(c => c.GetProperty("name").GetString() == "deck");
        Assert.Equal("Degraded", deck.GetProperty("status").GetString());
        Assert.Contains("course.md:16:", deck.GetProperty("description").GetString(), StringComparison.Ordinal);

        File.Delete(Path.Combine(content, "extra.md"));
        await UntilAsync(() => library.FindDeck("extra") is null);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        // The watcher runs on the wall clock here; 10 s is far above its debounce.
        for (var waited = 0; !condition(); waited += 50)
        {
            Assert.True(waited < 10_000, "the change was not picked up within 10 s");
            await Task.Delay(50);
        }
    }

    private (DeckWatcher Watcher, DeckLibrary Library) Start()
    {
        var folder = new DeckFolder(_dir);
        var library = folder.Read().Library;
        return (new DeckWatcher(folder, library, _time, _log), library);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return text[..at] + with + text[(at + what.Length)..];
    }

    private sealed class Lines : ILogger<DeckWatcher>
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public string Last(LogLevel level) => Entries.Last(e => e.Level == level).Message;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
