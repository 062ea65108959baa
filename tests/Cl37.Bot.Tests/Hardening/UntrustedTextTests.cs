using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Tests.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Tests.Hardening;

/// <summary>Names and typed answers come from strangers; wherever the bot shows them to others they
/// must not ping (@everyone, roles, users), reorder text (U+202E) or smuggle control characters.</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class UntrustedTextTests : IAsyncLifetime
{
    private static readonly string[] Hostile =
    [
        "@everyone",
        "@here",
        "<@&123456789012345678>",
        "<@123456789012345678>",
        "Pod\u202Eevil\u202C",
        "Po\u0000d\u0007\u001b[31m",
        "`Pod` @app.route",
    ];

    private readonly QuizApp _app = new(new DeckLibrary([TestDeck.Deck() with { Questions = [TestDeck.Deck().Questions[^1]] }], []));

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Reveal_HostileNamesAndFillInAnswers_NeutralisedInRevealLeaderboardAndStats()
    {
        var postId = await _app.PostQuestionAsync();
        var shown = new List<string>();
        for (var i = 0; i < Hostile.Length; i++)
        {
            _app.Clock.Advance(TimeSpan.FromSeconds(1));
            var user = new ChatUser("u" + i, Hostile[i] + " " + new string('x', 5000), false);
            var reply = await _app.Dispatcher.AnswerAsync(new AnswerAction(QuizApp.Channel(), user, postId, [Hostile[i]]), CancellationToken.None);
            shown.Add(reply.Text);
        }
        var correct = new ChatUser("fast", "@everyone <@&1> \u202Efast", false);
        await _app.Dispatcher.AnswerAsync(new AnswerAction(QuizApp.Channel(), correct, postId, ["Pod"]), CancellationToken.None);

        await _app.RunAsync("/quiz reveal", QuizApp.User("admin", admin: true));
        shown.Add(Render(_app.Platform.Posts.Last().Message));
        shown.Add(Render(await _app.RunAsync("/leaderboard", QuizApp.User("fast"))));
        shown.Add(Render(await _app.RunAsync("/stats", QuizApp.User("u0"))));

        await using var db = _app.Db();
        shown.AddRange(await db.Answers.Select(a => a.Response).ToListAsync());
        shown.AddRange(await db.People.Select(p => p.DisplayName).ToListAsync());
        Assert.All(shown, AssertNeutral);
        Assert.All(await db.People.Select(p => p.DisplayName).ToListAsync(), n => Assert.True(n.Length <= 64, n));
        var reveal = Assert.Single(_app.Platform.Cards<RevealCard>());
        Assert.Contains(reveal.FastestCorrect, f => f.Contains("＠everyone"));
    }

    private static string Render(OutgoingMessage message) => message.Text + "\n" + JsonSerializer.Serialize<object?>(message.Card);

    private static void AssertNeutral(string text)
    {
        Assert.DoesNotContain("@everyone", text);
        Assert.DoesNotContain("@here", text);
        Assert.DoesNotContain("<@", text);
        Assert.DoesNotContain("\\u003C@", text);
        Assert.DoesNotContain('\u202E', text);
        Assert.DoesNotContain("\\u202E", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(text, c => char.IsControl(c) && c != '\n');
    }
}
