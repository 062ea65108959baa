namespace Cl37.Bot.Chat;

/// <summary>Where a platform keeps what it needs to reach a channel later — for Teams, the
/// conversation reference — stored with the channel so every replica and every restart has it.</summary>
public interface IChannelDataStore
{
    /// <summary>Stores the data and marks the channel installed.</summary>
    Task SaveAsync(ChannelRef channel, string data, CancellationToken cancellationToken);

    Task<string?> FindAsync(ChannelRef channel, CancellationToken cancellationToken);

    /// <summary>Forgets the data: the app was removed from the channel.</summary>
    Task RemoveAsync(ChannelRef channel, CancellationToken cancellationToken);

    /// <summary>Forgets the data of every channel in the channel's group: the app was removed from
    /// the whole group (a Teams team), so every channel's schedule pauses.</summary>
    Task RemoveGroupAsync(ChannelRef channel, CancellationToken cancellationToken);

    /// <summary>The app is back in the channel's group: every other channel whose schedule its removal
    /// paused gets its data again (<paramref name="dataFor"/> that channel's id) and runs again.</summary>
    Task RestoreGroupAsync(ChannelRef channel, Func<string, string> dataFor, CancellationToken cancellationToken);
}
