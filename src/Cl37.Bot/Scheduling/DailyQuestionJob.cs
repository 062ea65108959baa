using System.Globalization;
using Quartz;

namespace Cl37.Bot.Scheduling;

/// <summary>Fired by a channel's cron trigger; the channel id travels in the trigger's data.</summary>
public sealed class DailyQuestionJob(DailyQuestionRunner runner) : IJob
{
    public const string ChannelIdKey = "channelId";

    public static readonly JobKey Key = new("daily-question", ScheduleTriggers.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var channelId = long.Parse(context.MergedJobDataMap.GetString(ChannelIdKey)!, CultureInfo.InvariantCulture);
        await runner.PostIfDueAsync(channelId, cancellationToken);
    }
}
