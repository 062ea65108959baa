using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Posts;

/// <summary>Ends the competitions whose end has passed and posts each one's final standings in the
/// channel it was started in.</summary>
public sealed class StandingsPoster(
    CompetitionService competitions,
    ChannelDirectory channels,
    ChatPlatforms platforms,
    ILogger<StandingsPoster> logger)
{
    /// <summary>Returns how many competitions this call ended.</summary>
    public async Task<int> EndDueAsync(CancellationToken cancellationToken)
    {
        var ended = await competitions.EndDueAsync(cancellationToken);
        foreach (var standings in ended)
        {
            var info = await channels.FindAsync(standings.ChannelId, cancellationToken);
            if (info is null || platforms.Find(info.Channel.Platform) is not { } platform)
                continue;
            try
            {
                await platform.PostAsync(info.Channel, CompetitionMessages.Final(standings), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Posting the final standings of competition {Name} failed", standings.Name);
            }
        }
        return ended.Count;
    }
}
