using System.Collections.Concurrent;

namespace Cl37.Bot.Quiz;

/// <summary>Sorted leaderboards kept in memory per (group, period). A snapshot is rebuilt when this
/// replica stored answers for the group since it was built, or when it is older than
/// <see cref="MaxAge"/> (answers stored by other replicas).</summary>
public sealed class LeaderboardCache(TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);
    private const int MaxSnapshots = 512;

    private readonly ConcurrentDictionary<long, long> _versions = new();
    private readonly ConcurrentDictionary<(long GroupId, string Period), Snapshot> _snapshots = new();

    public void Invalidate(long groupId) => _versions.AddOrUpdate(groupId, 1, (_, v) => v + 1);

    public long Version(long groupId) => _versions.GetValueOrDefault(groupId);

    public Snapshot? Find(long groupId, string period)
    {
        if (!_snapshots.TryGetValue((groupId, period), out var snapshot))
            return null;
        return snapshot.Version == Version(groupId) && time.GetUtcNow() - snapshot.Built < MaxAge ? snapshot : null;
    }

    public void Store(long groupId, string period, Snapshot snapshot)
    {
        if (_snapshots.Count >= MaxSnapshots)
            _snapshots.Clear();
        _snapshots[(groupId, period)] = snapshot;
    }

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>A whole board, ranked, with each person's position by their platform id.</summary>
    public sealed record Snapshot(long Version, DateTimeOffset Built, LeaderboardRow[] Rows, Dictionary<string, int> IndexByExternalId);
}
