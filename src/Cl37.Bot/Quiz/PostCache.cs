using System.Collections.Concurrent;
using Cl37.Bot.Chat;
using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>Post details by id, so a burst of answers to one post reads the database once.</summary>
public sealed class PostCache(IDbContextFactory<BotDbContext> factory)
{
    private const int MaxEntries = 5_000;
    private readonly ConcurrentDictionary<long, PostInfo> _posts = new();

    public async Task<PostInfo?> GetAsync(long postId, CancellationToken cancellationToken)
    {
        if (_posts.TryGetValue(postId, out var cached))
            return cached;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await (from p in db.Posts
                         join c in db.Channels on p.ChannelId equals c.Id
                         join g in db.Groups on c.GroupId equals g.Id
                         where p.Id == postId
                         select new { p, c, g }).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        var owner = row.p.PracticePersonId is { } ownerId
            ? await db.People.Where(x => x.Id == ownerId).Select(x => x.ExternalId).FirstOrDefaultAsync(cancellationToken)
            : null;
        var info = new PostInfo(row.p.Id, row.g.Id, row.c.Id, new ChannelRef(row.g.Platform, row.g.ExternalId, row.c.ExternalId),
            row.p.QuestionId, row.p.PostedUtc, row.p.ClosesUtc, row.p.RevealedUtc is not null, row.p.HideResults,
            row.p.PracticePersonId, owner, row.g.TimeZone, row.g.StreakBonus, row.g.SpeedBonus, row.p.MessageId);
        if (_posts.Count >= MaxEntries)
            _posts.Clear();
        _posts[postId] = info;
        return info;
    }

    /// <summary>Drops a post after it changed (closed, revealed, message id recorded).</summary>
    public void Invalidate(long postId) => _posts.TryRemove(postId, out _);

    /// <summary>Drops every post of a group after its settings changed.</summary>
    public void InvalidateGroup(long groupId)
    {
        foreach (var (id, info) in _posts)
        {
            if (info.GroupId == groupId)
                _posts.TryRemove(id, out _);
        }
    }
}
