namespace Cl37.Bot.Chat;

/// <summary>A small text file (a CSV export). Platforms attach it, or show <see cref="OutgoingMessage.Text"/>.</summary>
public sealed record FileCard(string FileName, string ContentType, string Content) : ChatCard;
