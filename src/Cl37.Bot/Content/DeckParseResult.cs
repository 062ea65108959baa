namespace Cl37.Bot.Content;

/// <summary>What one deck file gave: the deck (null when nothing could be read) and its problems.</summary>
public sealed record DeckParseResult(Deck? Deck, IReadOnlyList<DeckError> Errors);
