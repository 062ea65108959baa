namespace Cl37.Bot.Chat;

/// <summary>The port every chat platform implements: post into a channel, and update what was
/// posted. Platforms translate; they never decide quiz rules.</summary>
public interface IChatPlatform
{
    /// <summary>The platform's name as used in <see cref="ChannelRef.Platform"/>
    /// ("discord", "teams", "playground").</summary>
    string Name { get; }

    /// <summary>Posts a public message and returns the platform's id for it.</summary>
    Task<string> PostAsync(ChannelRef channel, OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>Replaces a message posted earlier (the live tally, a closed question).</summary>
    Task UpdateAsync(ChannelRef channel, string messageId, OutgoingMessage message, CancellationToken cancellationToken);
}
