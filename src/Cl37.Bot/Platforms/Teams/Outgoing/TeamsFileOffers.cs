using System.Collections.Concurrent;
using Cl37.Bot.Chat;

namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>Files offered with a FileConsentCard in a person's 1:1 chat, held until the person
/// accepts or declines them, or <see cref="Lifetime"/> passes. Kept in memory: an offer made by
/// another instance, or before a restart, is answered with "run the command again".</summary>
internal sealed class TeamsFileOffers(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>Offers held at most; the oldest goes first.</summary>
    public const int MaxOffers = 200;

    private readonly ConcurrentDictionary<string, Offer> _offers = new(StringComparer.Ordinal);

    /// <summary>Holds <paramref name="file"/> for <paramref name="userId"/> and returns the offer's id.</summary>
    public string Add(FileAttachment file, string userId)
    {
        var now = time.GetUtcNow();
        foreach (var (key, offer) in _offers)
        {
            if (offer.Expires <= now)
                _offers.TryRemove(key, out _);
        }
        while (_offers.Count >= MaxOffers && _offers.MinBy(o => o.Value.Expires) is { Key: { } oldest })
            _offers.TryRemove(oldest, out _);
        var id = Guid.NewGuid().ToString();
        _offers[id] = new Offer(file, userId, now + Lifetime);
        return id;
    }

    /// <summary>The file of an offer made to <paramref name="userId"/>, removed; null when there is none (any more).</summary>
    public FileAttachment? Take(string id, string userId) =>
        _offers.TryRemove(id, out var offer) && offer.Expires > time.GetUtcNow() && string.Equals(offer.UserId, userId, StringComparison.Ordinal)
            ? offer.File
            : null;

    private sealed record Offer(FileAttachment File, string UserId, DateTimeOffset Expires);
}
