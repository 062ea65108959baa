using Cl37.Bot.Chat;
using Cl37.Bot.Quiz;
using Cl37.Bot.Tests.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Tests.Hardening;

/// <summary>Who answers is who the platform says: no scoring twice, no answering into another
/// group or platform, no admin powers borrowed from a name or from another platform's admin list.</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class IdentityTests : IAsyncLifetime
{
    private readonly QuizApp _app = new(
        TestDeck.OneQuestion(),
        new Dictionary<string, string?> { ["Quiz:Admins:0"] = "discord:boss" });

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Answer_FiftyParallelFromOnePerson_OneRowScoredOnce()
    {
        var postId = await _app.PostQuestionAsync();
        var user = QuizApp.User("racer");

        var replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            _app.Dispatcher.AnswerAsync(new AnswerAction(QuizApp.Channel(), user, postId, [i % 2 == 0 ? "B" : "A"], "interaction-" + i), CancellationToken.None))));

        Assert.Single(replies, r => r.Text.StartsWith("Answer recorded", StringComparison.Ordinal));
        Assert.Equal(49, replies.Count(r => r.Text.StartsWith("You already answered", StringComparison.Ordinal)));
        await using var db = _app.Db();
        var row = await db.Answers.SingleAsync();
        Assert.Single(await db.People.Where(p => p.ExternalId == "racer").ToListAsync());
        var total = await db.ScoreTotals.SingleAsync(t => t.Period == PeriodKeys.AllTime);
        Assert.Equal(row.Points, total.Points);
        Assert.Equal(1, total.Answered);
        Assert.All(replies, r => Assert.Contains("**" + row.Response + "**", r.Text));
    }

    [Fact]
    public async Task Answer_ReplayedSameInteraction_StoredOnce()
    {
        var postId = await _app.PostQuestionAsync();
        var action = new AnswerAction(QuizApp.Channel(), QuizApp.User("replayer"), postId, ["B"], "interaction-1");

        var first = await _app.Dispatcher.AnswerAsync(action, CancellationToken.None);
        var replay = await _app.Dispatcher.AnswerAsync(action, CancellationToken.None);

        Assert.StartsWith("Answer recorded", first.Text);
        Assert.StartsWith("You already answered", replay.Text);
        await using var db = _app.Db();
        Assert.Equal(10, (await db.ScoreTotals.SingleAsync(t => t.Period == PeriodKeys.AllTime)).Points);
    }

    [Fact]
    public async Task Answer_SameUserIdFromAnotherPlatformOrGroup_CannotAnswerThisPost()
    {
        var postId = await _app.PostQuestionAsync();
        ChannelRef[] strangers = [new("discord", "group1", "general"), new("test", "group2", "general")];

        foreach (var channel in strangers)
        {
            var reply = await _app.Dispatcher.AnswerAsync(new AnswerAction(channel, QuizApp.User("admin"), postId, ["B"]), CancellationToken.None);
            Assert.True(reply.Private);
            Assert.Contains("can't find that question", reply.Text);
        }
        await using var db = _app.Db();
        Assert.Equal(0, await db.Answers.CountAsync());
    }

    [Fact]
    public async Task Answer_FeedbackOfOnePerson_NeverReachesTheChannel()
    {
        var postId = await _app.PostQuestionAsync();
        var before = _app.Platform.Posts.Count;

        var reply = await _app.AnswerAsync(postId, "secretive", "A");

        Assert.True(reply.Private);
        Assert.Equal(before, _app.Platform.Posts.Count);
        Assert.DoesNotContain(_app.Platform.Updates, u => u.Message.Text.Contains("secretive", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("boss", "Admin")]
    [InlineData("discord:boss", "boss")]
    [InlineData("test:boss", "Administrator")]
    public async Task QuizNow_NotAnAdminHere_Refused(string id, string name)
    {
        var before = _app.Platform.Posts.Count;

        var reply = await _app.RunAsync("/quiz now", new ChatUser(id, name, false));

        Assert.True(reply.Private);
        Assert.Contains("admin", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, _app.Platform.Posts.Count);
    }
}
