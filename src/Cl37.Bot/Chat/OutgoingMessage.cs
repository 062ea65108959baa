namespace Cl37.Bot.Chat;

/// <summary>A message to show: text with light Markdown (**bold**, `code`, lists), optionally a
/// card that a platform renders natively. Private messages are shown only to the person who caused
/// them (Discord ephemeral, Teams per-user card, playground private panel).</summary>
public sealed record OutgoingMessage(string Text, ChatCard? Card = null, bool Private = false)
{
    /// <summary>The request did not take effect (storage failed or the command broke): nothing was
    /// saved. Platforms that answer with an HTTP status say so there too.</summary>
    public bool NotSaved { get; init; }

    /// <summary>The input was refused as given (an answer that does not fit the question) and
    /// nothing was stored: the person can correct it and send it again.</summary>
    public bool Refused { get; init; }

    /// <summary>Files delivered with the message (Discord attachments, the Teams file flow in the
    /// person's 1:1 chat, a download in the playground). The text says what they hold.</summary>
    public IReadOnlyList<FileAttachment> Files { get; init; } = [];

    /// <summary>A private plain-text reply.</summary>
    public static OutgoingMessage PrivateText(string text) => new(text, null, true);

    /// <summary>A public plain-text message.</summary>
    public static OutgoingMessage PublicText(string text) => new(text);
}
