namespace Cl37.Bot.Chat;

/// <summary>A file sent with a message (a CSV export, a deck): its name as the person saves it, its
/// media type and its bytes. Each platform delivers it as a file of its own kind.</summary>
public sealed record FileAttachment(string FileName, string MediaType, byte[] Content)
{
    /// <summary>A UTF-8 text file (CSV, Markdown).</summary>
    public static FileAttachment Text(string fileName, string mediaType, string content) =>
        new(fileName, mediaType, System.Text.Encoding.UTF8.GetBytes(content));
}
