namespace Cl37.Bot.Content;

/// <summary>A deck written in another format: the file's text, its usual name, and one line for each
/// kind of thing the format could not carry.</summary>
public sealed record DeckExport(string Content, string FileName, string ContentType, IReadOnlyList<string> Losses);
