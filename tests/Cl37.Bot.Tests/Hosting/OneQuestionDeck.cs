using Cl37.Bot.Content;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Hosting;

/// <summary>The test deck cut to its first question (single choice, key B), so every post is that one.</summary>
public static class OneQuestionDeck
{
    public static DeckLibrary Library() => new([TestDeck.Deck() with { Questions = [TestDeck.Deck().Questions[0]] }], []);
}
