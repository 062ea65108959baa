using System.Collections.Concurrent;
using Cl37.Bot.Chat;

namespace Cl37.Bot.Platforms.Teams;

/// <summary>The reference last written per channel, so each message does not rewrite an unchanged row.</summary>
internal sealed class TeamsReferenceCache
{
    private readonly ConcurrentDictionary<ChannelRef, string> _saved = new();

    public bool IsCurrent(ChannelRef channel, string json) => _saved.TryGetValue(channel, out var last) && last == json;

    public void Saved(ChannelRef channel, string json)
    {
        if (_saved.Count > 10_000)
            _saved.Clear();
        _saved[channel] = json;
    }

    public void Removed(ChannelRef channel) => _saved.TryRemove(channel, out _);
}
