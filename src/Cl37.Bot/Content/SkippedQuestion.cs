namespace Cl37.Bot.Content;

/// <summary>A question an imported file has that this bot cannot ask: its type as the file names it, and its line.</summary>
public sealed record SkippedQuestion(string Type, int Line)
{
    private const string Marker = "skipped: ";
    private const string End = " — ";

    /// <summary>Reads the type out of a parser's skip line (<c>`q1`: skipped: matching — this bot has no such question type.</c>).</summary>
    public static SkippedQuestion From(DeckError skip)
    {
        var message = skip.Message;
        var start = message.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0)
            return new SkippedQuestion("unknown type", skip.Line);
        start += Marker.Length;
        var end = message.IndexOf(End, start, StringComparison.Ordinal);
        return new SkippedQuestion((end < 0 ? message[start..] : message[start..end]).Trim('`', ' '), skip.Line);
    }
}
