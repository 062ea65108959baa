using System.Collections.Concurrent;

namespace Cl37.Bot.Quiz;

/// <summary>The posts whose public "N answered" changed since their last edit; the tally poster
/// takes them in batches, so a burst of answers to one post becomes one edit per interval.</summary>
public sealed class TallyUpdater
{
    private readonly ConcurrentDictionary<long, byte> _dirty = new();

    public void MarkDirty(long postId) => _dirty.TryAdd(postId, 0);

    /// <summary>Takes every post marked since the last call.</summary>
    public IReadOnlyList<long> TakeDirty()
    {
        var taken = new List<long>();
        foreach (var postId in _dirty.Keys)
        {
            if (_dirty.TryRemove(postId, out _))
                taken.Add(postId);
        }
        return taken;
    }
}
