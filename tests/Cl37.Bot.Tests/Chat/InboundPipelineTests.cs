using Cl37.Bot.Chat;
using Cl37.Bot.Commands;
using Cl37.Bot.Messages;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Cl37.Bot.Tests.Chat;

public sealed class InboundPipelineTests
{
    private static readonly ChannelRef Channel = new("test", "g", "c");
    private static readonly ChatUser Ann = new("ann", "Ann", false);

    [Fact]
    public async Task Answer_OverTheLimits_RepliesWithTheProblemAndNeverReachesTheHandler()
    {
        var handler = new ScriptedHandler(_ => OutgoingMessage.PrivateText("stored"));
        var pipeline = Pipeline(handler);

        var tooMany = (await pipeline.RunAsync(new AnswerAction(Channel, Ann, 1, [.. Enumerable.Repeat("A", AnswerCodec.MaxValues + 1)]), default)).Reply;
        var tooLong = (await pipeline.RunAsync(new AnswerAction(Channel, Ann, 1, [new string('x', AnswerCodec.MaxValueLength + 1)]), default)).Reply;
        var blank = (await pipeline.RunAsync(new AnswerAction(Channel, Ann, 1, ["A", "  "]), default)).Reply;

        Assert.Equal("Your answer has too many parts (at most 26).", tooMany!.Text);
        Assert.Equal("Your answer is too long (at most 200 characters).", tooLong!.Text);
        Assert.Equal("Your answer was empty: pick an option or type an answer, then submit.", blank!.Text);
        Assert.Empty(handler.Seen);
    }

    [Fact]
    public async Task Answer_WithinLimits_ReachesTheHandlerTrimmed()
    {
        var handler = new ScriptedHandler(_ => OutgoingMessage.PrivateText("stored"));

        var reply = (await Pipeline(handler).RunAsync(new AnswerAction(Channel, Ann, 1, [" A ", "C"]), default)).Reply;

        Assert.Equal("stored", reply!.Text);
        Assert.Equal(["A", "C"], ((AnswerAction)Assert.Single(handler.Seen)).Values);
    }

    public static TheoryData<string, bool, string, bool> Failures => new()
    {
        { "busy", true, "Your answer was **not saved** because the bot is busy. Please try again in a moment.", true },
        { "full", true, "Your answer was **not saved**: the bot could not write to its database. Please try again in a moment.", true },
        { "bug", true, "Your answer was **not saved** because something went wrong. Please try again.", true },
        { "busy", false, "The bot is busy storing other work. Nothing was changed — please try again in a moment.", true },
        { "full", false, "Not saved: the bot could not write to its database, so nothing was changed. Please try again in a moment.", true },
        { "corrupt", false, "Could not read the bot's database, so nothing was shown or changed. Please try again in a moment.", true },
        { "bug", false, "Something went wrong running that command; nothing was changed. Please try again.", false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Failure_BecomesAPrivateReplyWordedForWhatThePersonDid(string cause, bool answer, string expected, bool notSaved)
    {
        Exception thrown = cause switch
        {
            "busy" => new SqliteException("database is locked", 5),
            "full" => Written(new SqliteException("database or disk is full", 13)),
            "corrupt" => new SqliteException("database disk image is malformed", 11),
            _ => new InvalidOperationException("bug"),
        };
        var pipeline = Pipeline(new ScriptedHandler(_ => throw thrown));
        Inbound request = answer ? new AnswerAction(Channel, Ann, 1, ["A"]) : new TypedCommand(Channel, Ann, "/stats");

        var reply = (await pipeline.RunAsync(request, default)).Reply;

        Assert.Equal(expected, reply!.Text);
        Assert.True(reply.Private);
        Assert.Equal(notSaved, reply.NotSaved);
    }

    // As the storage layer marks the error of a statement that writes.
    private static Exception Written(Exception error)
    {
        Cl37.Bot.Data.StorageFaults.MarkWrite(error);
        return error;
    }

    [Fact]
    public async Task Deadline_PlatformWithoutOne_WaitsForTheReply()
    {
        var release = new TaskCompletionSource();
        var pipeline = Pipeline(new ScriptedHandler(_ => OutgoingMessage.PrivateText("done"), release.Task), deferAfter: TimeSpan.FromMilliseconds(1));

        var running = pipeline.RunAsync(new TypedCommand(Channel with { Platform = "other" }, Ann, "/quiz now"), default);
        await Task.Delay(50);
        release.SetResult();
        var outcome = await running;

        Assert.Equal("done", outcome.Reply!.Text);
        Assert.Null(outcome.Later);
    }

    [Fact]
    public async Task Deadline_SlowWork_IsDeferredAndItsReplyFollows()
    {
        var release = new TaskCompletionSource();
        var pipeline = Pipeline(new ScriptedHandler(_ => OutgoingMessage.PrivateText("done"), release.Task), deferAfter: TimeSpan.FromMilliseconds(50));

        var outcome = await pipeline.RunAsync(new TypedCommand(Channel, Ann, "/quiz now"), default);

        Assert.Null(outcome.Reply);
        Assert.NotNull(outcome.Later);
        release.SetResult();
        Assert.Equal("done", (await outcome.Later)!.Text);
    }

    [Fact]
    public async Task Deadline_QuickWork_IsTheReply()
    {
        var pipeline = Pipeline(new ScriptedHandler(_ => OutgoingMessage.PrivateText("done")), deferAfter: TimeSpan.FromSeconds(30));

        var outcome = await pipeline.RunAsync(new TypedCommand(Channel, Ann, "/help"), default);

        Assert.Equal("done", outcome.Reply!.Text);
        Assert.Null(outcome.Later);
    }

    [Theory]
    [InlineData("12", true, 12)]
    [InlineData("9223372036854775807", true, long.MaxValue)]
    [InlineData("0", false, 0)]
    [InlineData("-3", false, 0)]
    [InlineData("+3", false, 0)]
    [InlineData(" 3", false, 0)]
    [InlineData("3a", false, 0)]
    [InlineData("99999999999999999999", false, 0)]
    [InlineData("", false, 0)]
    public void Codec_PostId_DigitsOnlyAndPositive(string text, bool ok, long expected)
    {
        Assert.Equal(ok, AnswerCodec.TryReadPost(text, out var post));
        if (ok)
        {
            Assert.Equal(expected, post);
            Assert.Equal(text, AnswerCodec.Post(post));
        }
    }

    private static InboundPipeline Pipeline(IInboundHandler handler, TimeSpan? deferAfter = null) =>
        new ServiceCollection()
            .Configure<InboundOptions>(o =>
            {
                if (deferAfter is { } deadline)
                    o.DeferAfter[Channel.Platform] = deadline;
            })
            .AddSingleton(handler)
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddSingleton<IInboundFailureClassifier, StorageFailureClassifier>()
            .AddSingleton<IChatWording, ChatWording>()
            // The classifier's storage state, on PostgreSQL settings: no SQLite file to watch.
            .AddSingleton<Cl37.Bot.Data.DatabaseState>()
            .AddSingleton<Cl37.Bot.Data.DatabaseConnections>()
            .AddSingleton<Cl37.Bot.Data.SqliteFileGuard>()
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(new Cl37.Bot.Data.DatabaseOptions { Provider = Cl37.Bot.Data.DatabaseOptions.Postgres }))
            .AddInboundPipeline()
            .BuildServiceProvider()
            .GetRequiredService<InboundPipeline>();

    private sealed class ScriptedHandler(Func<Inbound, OutgoingMessage> reply, Task? gate = null) : IInboundHandler
    {
        public List<Inbound> Seen { get; } = [];

        public async Task<OutgoingMessage?> HandleAsync(Inbound request, CancellationToken cancellationToken)
        {
            Seen.Add(request);
            if (gate is not null)
                await gate;
            return reply(request);
        }
    }
}
