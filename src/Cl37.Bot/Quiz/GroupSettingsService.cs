using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>Changes a group's settings; the posts cached with the old ones are read again.</summary>
public sealed class GroupSettingsService(IDbContextFactory<BotDbContext> factory, PostCache posts)
{
    public async Task<GroupSettings> ChangeAsync(ChannelInfo channel, GroupSettingsChange change, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var group = await db.Groups.FirstAsync(g => g.Id == channel.GroupId, cancellationToken);
        group.StreakBonus = change.StreakBonus ?? group.StreakBonus;
        group.SpeedBonus = change.SpeedBonus ?? group.SpeedBonus;
        group.EveryoneCanPost = change.EveryoneCanPost ?? group.EveryoneCanPost;
        group.HideResults = change.HideResults ?? group.HideResults;
        await db.SaveChangesAsync(cancellationToken);
        posts.InvalidateGroup(group.Id);
        return new GroupSettings(group.StreakBonus, group.SpeedBonus, group.EveryoneCanPost, group.HideResults);
    }
}
