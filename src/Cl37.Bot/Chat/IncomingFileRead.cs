namespace Cl37.Bot.Chat;

/// <summary>What reading an <see cref="IncomingFile"/> gave: its bytes, or why there are none.</summary>
public sealed record IncomingFileRead(IncomingFileStatus Status, byte[] Bytes)
{
    public static IncomingFileRead TooLarge { get; } = new(IncomingFileStatus.TooLarge, []);

    public static IncomingFileRead Unavailable { get; } = new(IncomingFileStatus.Unavailable, []);

    public static IncomingFileRead Of(byte[] bytes) => new(IncomingFileStatus.Read, bytes);
}
