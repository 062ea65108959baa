using System.Text;
using Cl37.Bot.Content;

namespace Cl37.Bot.Tests.Decks;

public sealed class DeckEncodingTests
{
    [Fact]
    public void Parse_MojibakeBytes_GiveTheCleanDeck()
    {
        var clean = DeckFiles.Canonical(DeckFiles.ParseFile(DeckFiles.ContentDeck));
        var mojibake = DeckFiles.Canonical(DeckFiles.ParseFile(DeckFiles.Sample("cl37-mojibake.md")));
        Assert.Equal(clean, mojibake);
    }

    [Fact]
    public void Parse_NoEmoji_GivesTheSameDeck()
    {
        var clean = DeckFiles.Canonical(DeckFiles.ParseFile(DeckFiles.ContentDeck), DeckFiles.WithoutEmoji);
        var plain = DeckFiles.Canonical(DeckFiles.ParseFile(DeckFiles.Sample("cl37-no-emoji.md")), DeckFiles.WithoutEmoji);
        Assert.Equal(clean, plain);
        Assert.DoesNotContain("✅", File.ReadAllText(DeckFiles.Sample("cl37-no-emoji.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CrlfAndBom_GiveTheSameDeck()
    {
        var text = File.ReadAllText(DeckFiles.ContentDeck);
        var crlf = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal))).ToArray();
        var result = DeckParser.Parse("cl37-model-deployment.md", crlf);
        Assert.Empty(result.Errors);
        Assert.Equal(DeckFiles.Canonical(DeckFiles.ParseFile(DeckFiles.ContentDeck)), DeckFiles.Canonical(result.Deck!));
    }

    [Theory]
    [InlineData("**âœ… Correct Answer:** B", "**✅ Correct Answer:** B")]
    [InlineData("**âŒ Why Others Are Wrong:**", "**❌ Why Others Are Wrong:**")]
    [InlineData("784 Ã— 128", "784 × 128")]
    [InlineData("Î£ (a Ã— b)", "Σ (a × b)")]
    [InlineData("Memory â†’ File", "Memory → File")]
    [InlineData("### âš\u00A0ï¸ \"If You Forget\"", "### ⚠️ \"If You Forget\"")]
    [InlineData("### ðŸ“ Last-Minute", "### 📝 Last-Minute")]
    [InlineData("café, naïve, Ångström ✅ 📖", "café, naïve, Ångström ✅ 📖")]
    [InlineData("plain ascii", "plain ascii")]
    public void Repair_Line_UndoesWindows1252Mojibake(string input, string expected) =>
        Assert.Equal(expected, MojibakeRepair.Repair(input));
}
