using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>The conversation reference known per channel, parsed: an unchanged reference is not
/// rewritten on every message, and a proactive post does not read and parse the stored row each
/// time. References compare by value.</summary>
internal sealed class TeamsReferenceCache
{
    private const int MaxChannels = 10_000;
    private readonly ConcurrentDictionary<ChannelRef, TeamsConversationReference> _known = new();

    public bool IsCurrent(ChannelRef channel, TeamsConversationReference reference) =>
        _known.TryGetValue(channel, out var last) && last == reference;

    public bool TryGet(ChannelRef channel, [NotNullWhen(true)] out TeamsConversationReference? reference) =>
        _known.TryGetValue(channel, out reference);

    public void Remember(ChannelRef channel, TeamsConversationReference reference)
    {
        // Dropping everything keeps the bound without tracking use; each channel costs one store read to come back.
        if (_known.Count >= MaxChannels && !_known.ContainsKey(channel))
            _known.Clear();
        _known[channel] = reference;
    }

    public void Forget(ChannelRef channel) => _known.TryRemove(channel, out _);

    /// <summary>Forgets every channel of the channel's group (a team the app was removed from).</summary>
    public void ForgetGroup(ChannelRef channel)
    {
        foreach (var known in _known.Keys.Where(k => k.Platform == channel.Platform && k.GroupId == channel.GroupId))
            _known.TryRemove(known, out _);
    }
}
