namespace Cl37.Bot.Content;

/// <summary>What one deck file gave: the deck (null when nothing could be read), its problems and the questions it skipped.</summary>
public sealed record DeckParseResult(Deck? Deck, IReadOnlyList<DeckError> Errors)
{
    /// <summary>Questions of a type this bot does not have, one line each (file, line, type); not errors.</summary>
    public IReadOnlyList<DeckError> Skipped { get; init; } = [];
}
