using Cl37.Bot.Chat;

namespace Cl37.Bot.Quiz;

/// <summary>Platform data kept in the channel directory; removing it also pauses the channel's schedule.</summary>
internal sealed class ChannelDataStore(ChannelDirectory directory) : IChannelDataStore
{
    public Task SaveAsync(ChannelRef channel, string data, CancellationToken cancellationToken) =>
        directory.RegisterAsync(channel, data, cancellationToken);

    public Task<string?> FindAsync(ChannelRef channel, CancellationToken cancellationToken) =>
        directory.GetPlatformDataAsync(channel, cancellationToken);

    public Task RemoveAsync(ChannelRef channel, CancellationToken cancellationToken) =>
        directory.UnregisterAsync(channel, cancellationToken);

    public Task RemoveGroupAsync(ChannelRef channel, CancellationToken cancellationToken) =>
        directory.UnregisterGroupAsync(channel, cancellationToken);

    public Task RestoreGroupAsync(ChannelRef channel, Func<string, string> dataFor, CancellationToken cancellationToken) =>
        directory.RestoreGroupAsync(channel, dataFor, cancellationToken);
}
