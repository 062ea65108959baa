using System.Collections.Concurrent;

namespace Cl37.Bot.Platforms.Teams.Kernel;

/// <summary>Who answered each open question through Teams, by their Teams user id (the MRI the
/// card's <c>refresh.userIds</c> needs; msteams User-Specific-Views.md: "userMRI =
/// turnContext.Activity.From.Id"). Only the first <see cref="MaxUserSpecificViews"/> answerers of a
/// post get a personal view; later ones are told so and get their feedback in a personal chat.
/// Kept in memory: after a restart an answerer is listed again once their client refreshes the
/// card (the card's "Refresh" menu) or they interact with it.</summary>
internal sealed class TeamsAnswerers
{
    /// <summary>msteams User-Specific-Views.md: "Maximum 60 different users can see a different version of the card".</summary>
    public const int MaxUserSpecificViews = 60;
    private const int MaxPosts = 2_000;
    private readonly ConcurrentDictionary<long, List<string>> _posts = new();

    /// <summary>Adds <paramref name="userId"/> to the post's personal views; false when the post already has 60 other people.</summary>
    public bool TryAdd(long postId, string userId)
    {
        if (_posts.Count >= MaxPosts && !_posts.ContainsKey(postId))
            _posts.Clear();
        var list = _posts.GetOrAdd(postId, _ => []);
        lock (list)
        {
            if (list.Contains(userId, StringComparer.Ordinal))
                return true;
            if (list.Count >= MaxUserSpecificViews)
                return false;
            list.Add(userId);
            return true;
        }
    }

    /// <summary>The people with a personal view of the post, in the order they answered.</summary>
    public IReadOnlyList<string> Of(long postId)
    {
        if (!_posts.TryGetValue(postId, out var list))
            return [];
        lock (list)
            return [.. list];
    }
}
