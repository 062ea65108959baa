using Cl37.Bot.Platforms.Teams.Rendering;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Tests.Platforms.Teams;

public sealed class TeamsMessageTextTests
{
    private static Activity Message(string text, params Entity[] entities) => new()
    {
        Type = "message",
        Text = text,
        Recipient = new ChannelAccount { Id = "28:bot", Name = "Quiz Bot" },
        Entities = [.. entities],
    };

    private static Entity Mention(string id, string text) => new() { Type = "mention", Text = text, Mentioned = new ChannelAccount { Id = id } };

    [Theory]
    [InlineData("<at>Quiz Bot</at> calc servers 200 50", "calc servers 200 50")]
    [InlineData("calc servers 200 50 <at>Quiz Bot</at>", "calc servers 200 50")]
    [InlineData("<AT>Quiz Bot</AT>&nbsp;quiz&nbsp;now", "quiz now")]
    [InlineData("  leaderboard   week  ", "leaderboard week")]
    public void CommandText_BotMention_IsRemoved(string text, string expected) =>
        Assert.Equal(expected, TeamsMessageText.CommandText(Message(text, Mention("28:bot", "<at>Quiz Bot</at>"))));

    [Fact]
    public void CommandText_OtherPersonMentioned_KeepsTheirName() =>
        Assert.Equal("stats Megan", TeamsMessageText.CommandText(Message("<at>Quiz Bot</at> stats <at>Megan</at>",
            Mention("28:bot", "<at>Quiz Bot</at>"), Mention("29:megan", "<at>Megan</at>"))));

    [Fact]
    public void CommandText_MentionEntityWithoutText_RemovesAtName()
    {
        var activity = Message("<at>Quiz Bot</at> help", new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = "28:bot", Name = "Quiz Bot" } });
        Assert.Equal("help", TeamsMessageText.CommandText(activity));
    }

    [Theory]
    [InlineData("<p>quiz now</p>", "quiz now")]
    [InlineData("<p><at>Quiz Bot</at>&nbsp;quiz now</p>", "quiz now")]
    [InlineData("<div><span style=\"color:red\">calc</span> servers 200 50<br/></div>", "calc servers 200 50")]
    [InlineData("calc pods 3 &lt; 5", "calc pods 3 < 5")]
    public void CommandText_HtmlMarkup_IsRemovedBeforeParsing(string text, string expected) =>
        Assert.Equal(expected, TeamsMessageText.CommandText(Message(text, Mention("28:bot", "<at>Quiz Bot</at>"))));

    [Fact]
    public void Markdown_BulletLines_BecomeATeamsList() =>
        Assert.Equal("**Scaling**\n\n- **Horizontal**: more pods\n- **Vertical**: bigger pods",
            TeamsMessageText.Markdown("**Scaling**\n• **Horizontal**: more pods\n• **Vertical**: bigger pods"));

    [Fact]
    public void CommandText_NoText_IsEmpty() => Assert.Equal("", TeamsMessageText.CommandText(new Activity { Type = "message" }));
}
