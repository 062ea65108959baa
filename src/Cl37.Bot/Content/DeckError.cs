namespace Cl37.Bot.Content;

/// <summary>A problem in a deck file, reported as <c>file:line: what is wrong</c>.</summary>
public sealed record DeckError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
