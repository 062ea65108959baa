using System.Collections.Concurrent;
using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Tests.Platforms.Teams;

/// <summary>Conversation references kept in memory, as the JSON the channel directory stores.</summary>
internal sealed class InMemoryTeamsConversationStore : ITeamsConversationStore
{
    private readonly ConcurrentDictionary<ChannelRef, string> _references = new();

    private int _finds;

    public IReadOnlyDictionary<ChannelRef, string> Saved => _references;

    public int Finds => _finds;

    public Task SaveAsync(ChannelRef channel, TeamsConversationReference reference, CancellationToken cancellationToken)
    {
        _references[channel] = JsonSerializer.Serialize(reference, TeamsJsonContext.Default.TeamsConversationReference);
        return Task.CompletedTask;
    }

    public Task<TeamsConversationReference?> FindAsync(ChannelRef channel, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _finds);
        return Task.FromResult(_references.TryGetValue(channel, out var json)
            ? JsonSerializer.Deserialize(json, TeamsJsonContext.Default.TeamsConversationReference)
            : null);
    }

    public Task RemoveAsync(ChannelRef channel, CancellationToken cancellationToken)
    {
        _references.TryRemove(channel, out _);
        return Task.CompletedTask;
    }

    /// <summary>Channels forgotten with their team, to come back with it.</summary>
    public HashSet<ChannelRef> RemovedWithTeam { get; } = [];

    public Task RemoveGroupAsync(ChannelRef channel, CancellationToken cancellationToken)
    {
        foreach (var known in _references.Keys.Where(k => k.Platform == channel.Platform && k.GroupId == channel.GroupId))
        {
            _references.TryRemove(known, out _);
            RemovedWithTeam.Add(known);
        }
        return Task.CompletedTask;
    }

    public Task RestoreGroupAsync(ChannelRef channel, Func<string, TeamsConversationReference> referenceFor, CancellationToken cancellationToken)
    {
        foreach (var removed in RemovedWithTeam.Where(k => k.GroupId == channel.GroupId && k != channel).ToList())
        {
            _references[removed] = JsonSerializer.Serialize(referenceFor(removed.ChannelId), TeamsJsonContext.Default.TeamsConversationReference);
            RemovedWithTeam.Remove(removed);
        }
        return Task.CompletedTask;
    }
}
