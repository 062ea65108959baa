using Cl37.Bot.Chat;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Commands;

/// <summary>Small replies people tripped on, as they read them.</summary>
public sealed class SmallRepliesTests : IAsyncLifetime
{
    private readonly QuizApp _app = new(TestDeck.OneQuestion());
    private static readonly ChatUser Admin = QuizApp.User("admin", admin: true);

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Leaderboard_NobodyScored_SaysSoWithoutAnEmptyTable()
    {
        var reply = await _app.RunAsync("/leaderboard competition", Admin);
        var week = await _app.RunAsync("/leaderboard", Admin);

        Assert.Null(week.Card);
        Assert.Equal("**Leaderboard · this week", week.Text[..25]);
        Assert.EndsWith("\nNobody has scored here yet: the board fills as answers are scored.", week.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Page 1 of 1", week.Text, StringComparison.Ordinal);
        Assert.Null(reply.Card);
    }

    [Fact]
    public async Task Leaderboard_PagePastTheLast_SaysWhichPageItShows()
    {
        var postId = await _app.PostQuestionAsync();
        await _app.AnswerAsync(postId, "ann", "B");

        var reply = await _app.RunAsync("/leaderboard all page:2", Admin);

        var table = Assert.IsType<TableCard>(reply.Card);
        Assert.StartsWith("There is no page 2; showing page 1, the last. Page 1 of 1", table.Footer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaderboard_PageThatExists_HasNoNote()
    {
        var postId = await _app.PostQuestionAsync();
        await _app.AnswerAsync(postId, "ann", "B");

        var reply = await _app.RunAsync("/leaderboard all page:1", Admin);

        Assert.StartsWith("Page 1 of 1 · 1 person", Assert.IsType<TableCard>(reply.Card).Footer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuizNow_StudentWithForce_IsNotPointedAtEveryoneCanPost()
    {
        var reply = await _app.RunAsync("/quiz now force:true", QuizApp.User("student"));

        Assert.StartsWith("Only admins can use `/quiz now force:true`.", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("everyone_can_post", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuizSettings_Reply_ReadsAsASentence()
    {
        var hidden = await _app.RunAsync("/quiz settings hide_results:true", Admin);
        var shown = await _app.RunAsync("/quiz settings hide_results:false", Admin);

        Assert.EndsWith(", results hidden until the reveal.", hidden.Text, StringComparison.Ordinal);
        Assert.EndsWith(", results shown as soon as someone answers.", shown.Text, StringComparison.Ordinal);
    }
}
