namespace Cl37.Bot.Content;

/// <summary>The <c>DeckUploads</c> settings section: decks admins send in a chat.</summary>
public sealed class DeckUploadOptions
{
    public const string Section = "DeckUploads";

    /// <summary>The largest deck file accepted from a chat, in bytes (default 1 MiB).</summary>
    public int MaxFileBytes { get; set; } = 1_048_576;

    /// <summary>How many uploaded decks one group may have in service.</summary>
    public int MaxDecksPerGroup { get; set; } = 50;

    /// <summary>How long a previewed upload waits for its confirmation, in minutes.</summary>
    public int PendingMinutes { get; set; } = 30;

    /// <summary>How often each replica looks for decks added, replaced or removed on another one, in seconds.</summary>
    public double PollSeconds { get; set; } = 15;

    public TimeSpan PendingFor => TimeSpan.FromMinutes(PendingMinutes);

    public TimeSpan PollEvery => TimeSpan.FromSeconds(PollSeconds);
}
