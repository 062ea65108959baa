using Cl37.Bot.Chat;
using Cl37.Bot.Data;
using Cl37.Bot.Quiz;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Commands;

/// <summary>/quiz now | practice | reveal | schedule set|show|off | settings.</summary>
public sealed class QuizCommand(
    ChannelDirectory channels,
    QuizPoster poster,
    PracticeService practice,
    ScheduleService schedules,
    PostCache posts,
    AdminPolicy admins,
    IDbContextFactory<BotDbContext> factory) : ICommandHandler
{
    public string Command => "quiz";

    public async Task<OutgoingMessage> HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(command.Channel, cancellationToken);
        switch (command.SubCommand)
        {
            case "now":
                if (!channel.EveryoneCanPost && !admins.IsAdmin(command.Channel, command.User))
                    return OutgoingMessage.PrivateText($"Only admins can post a question now in this group (an admin can allow everyone with `/quiz settings everyone_can_post:true`). {AdminPolicy.WhoIsAdmin(command.Channel.Platform)}");
                var result = await poster.PostNextAsync(channel, null, null, command.Arg("deck"), false, cancellationToken);
                return OutgoingMessage.PrivateText(result.Outcome == PostOutcome.Posted ? $"✅ {result.Message}" : result.Message);
            case "practice":
                return await practice.NextAsync(channel, command.User, cancellationToken);
            case "reveal":
                var revealed = await poster.RevealOpenInChannelAsync(channel.ChannelId, cancellationToken);
                return OutgoingMessage.PrivateText(revealed == 0 ? "There is no open question in this channel." : "✅ Revealed.");
            case "schedule set":
                return await schedules.SetAsync(channel, command, cancellationToken);
            case "schedule show":
                return await schedules.ShowAsync(channel, cancellationToken);
            case "schedule off":
                return await schedules.OffAsync(channel, cancellationToken);
            case "settings":
                return await SettingsAsync(channel, command, cancellationToken);
            default:
                return OutgoingMessage.PrivateText("Usage:\n" + CommandUsage.Of(CommandCatalog.Find("quiz")!));
        }
    }

    private async Task<OutgoingMessage> SettingsAsync(ChannelInfo channel, ChatCommand command, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var group = await db.Groups.FirstAsync(g => g.Id == channel.GroupId, cancellationToken);
        group.StreakBonus = ArgumentValidator.Bool(command, "streak_bonus") ?? group.StreakBonus;
        group.SpeedBonus = ArgumentValidator.Bool(command, "speed_bonus") ?? group.SpeedBonus;
        group.EveryoneCanPost = ArgumentValidator.Bool(command, "everyone_can_post") ?? group.EveryoneCanPost;
        group.HideResults = ArgumentValidator.Bool(command, "hide_results") ?? group.HideResults;
        await db.SaveChangesAsync(cancellationToken);
        posts.InvalidateGroup(group.Id);
        return OutgoingMessage.PrivateText(
            $"Settings: streak bonus {OnOff(group.StreakBonus)}, speed bonus {OnOff(group.SpeedBonus)}, everyone can post {OnOff(group.EveryoneCanPost)}, results hidden until the reveal {OnOff(group.HideResults)}.");
    }

    private static string OnOff(bool value) => value ? "on" : "off";
}
