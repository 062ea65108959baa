namespace Cl37.Bot.Content;

/// <summary>The file formats a deck can be written in.</summary>
public enum DeckFormat
{
    Markdown,
    Gift,
    MoodleXml,
}
