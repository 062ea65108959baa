using Cl37.Bot.Quiz.Text;

namespace Cl37.Bot.Tests.Quiz;

public sealed class DisplayNamesTests
{
    [Theory]
    [InlineData("Lena 🦊 B.", "Lena 🦊 B.")]
    [InlineData("Ana\u202Emalia\u0007", "Anamalia")]
    [InlineData("@everyone `x`", "＠everyone x")]
    [InlineData("  \u200B ", "Someone")]
    public void Clean_Name_KeepsLettersAndEmojiAndDropsHiddenAndMentionCharacters(string name, string expected) =>
        Assert.Equal(expected, DisplayNames.Clean(name));

    [Fact]
    public void Clean_LongNameOfEmoji_StopsAtTheLimitWithoutSplittingAPair()
    {
        var clean = DisplayNames.Clean(string.Concat(Enumerable.Repeat("🦊", 40)));

        Assert.Equal(DisplayNames.MaxLength, clean.Length);
        Assert.Equal(string.Concat(Enumerable.Repeat("🦊", 32)), clean);
    }

    [Fact]
    public void CleanAnswer_TypedAnswer_KeepsCodeAndEmojiAndDefusesMentions() =>
        Assert.Equal("`Pod` 🚀 @app.route <＠123> ＠here", DisplayNames.CleanAnswer("`Pod` 🚀\u200E @app.route <@123> @here", 200));
}
