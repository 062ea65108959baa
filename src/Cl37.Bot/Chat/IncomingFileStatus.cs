namespace Cl37.Bot.Chat;

/// <summary>Whether an <see cref="IncomingFile"/> could be read.</summary>
public enum IncomingFileStatus
{
    /// <summary>The whole file was read.</summary>
    Read,

    /// <summary>The file is longer than the reader allowed; nothing more was downloaded.</summary>
    TooLarge,

    /// <summary>The platform could not deliver it (the link expired, the download failed).</summary>
    Unavailable,
}
