using Cl37.Bot.Content;
using Cl37.Bot.Messages;
using Cl37.Bot.Platforms.Discord.Rendering;
using Cl37.Bot.Platforms.Teams.Rendering;
using Cl37.Bot.Tests.Decks;

namespace Cl37.Bot.Tests.Platforms;

/// <summary>An imported [html] question with escapes and a picture, as Discord and Teams render it:
/// each platform's own formatting, no HTML tags, a note where the picture stood.</summary>
public sealed class ImportedQuestionRenderingTests
{
    private const string Shown = "In **Python**, which operator tests equality: `a = b` or `a == b`? Braces { } and a colon: stay.\n\n[picture: equality.png]";

    private static Question Escapes() =>
        DeckLoader.ParseFile("mappings.gift", File.ReadAllBytes(ImportFiles.Sample("mappings.gift"))).Deck!.Questions.Single(q => q.Title == "Escapes");

    [Fact]
    public void Render_HtmlGiftQuestionOnDiscord_IsDiscordMarkdownWithAPictureNote()
    {
        var message = QuestionCards.Question(7, Escapes(), 0, null, closed: false);

        var content = Assert.Single(DiscordMessageRenderer.Contents(message));

        Assert.StartsWith("**Escapes · single choice · Words**\n" + Shown, content, StringComparison.Ordinal);
        Assert.DoesNotContain("<", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HtmlGiftQuestionOnTeams_IsATextBlockWithoutTags()
    {
        var message = QuestionCards.Question(7, Escapes(), 0, null, closed: false);

        var card = AdaptiveCardRenderer.Render(message)!;

        var texts = card["body"]!.AsArray().Select(b => (string?)b!["text"]).ToList();
        Assert.Contains(Shown, texts);
        Assert.DoesNotContain(texts, t => t is not null && t.Contains("<p>", StringComparison.Ordinal));
        Assert.Equal(["A", "B"], card["actions"]!.AsArray().Select(a => (string?)a!["title"]));
    }
}
