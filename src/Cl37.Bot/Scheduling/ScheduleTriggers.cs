using System.Globalization;
using Quartz;

namespace Cl37.Bot.Scheduling;

/// <summary>The Quartz triggers: one cron trigger per channel schedule, the sweep, the start-up catch-up.</summary>
public static class ScheduleTriggers
{
    public const string Group = "cl37";

    public const string DailyGroup = "cl37-daily";

    public static readonly TriggerKey SweepKey = new("sweep", Group);

    public static readonly TriggerKey CatchUpKey = new("catch-up", Group);

    public static TriggerKey DailyKey(long channelId) => new(channelId.ToString(CultureInfo.InvariantCulture), DailyGroup);

    /// <summary>The channel's cron trigger in its own zone. A misfire (the scheduler thread was late
    /// past the threshold) fires once at once; <see cref="DailySchedule.DueAt"/> then decides whether
    /// the post is still owed, so a late fire never posts a stale question.</summary>
    public static ITrigger Daily(long channelId, DailySchedule schedule, TimeProvider time) =>
        TriggerBuilder.Create(time)
            .WithIdentity(DailyKey(channelId))
            .ForJob(DailyQuestionJob.Key)
            .UsingJobData(DailyQuestionJob.ChannelIdKey, channelId.ToString(CultureInfo.InvariantCulture))
            .WithCronSchedule(schedule.CronExpression, b => b
                .InTimeZone(schedule.Zone)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .StartAt(time.GetUtcNow())
            .Build();

    /// <summary>On whole minutes and every <paramref name="seconds"/> after. Sweeps missed while the
    /// scheduler was held up run once at once (reveals may be overdue), then the rhythm resumes.</summary>
    public static ITrigger Sweep(int seconds, TimeProvider time) =>
        TriggerBuilder.Create(time)
            .WithIdentity(SweepKey)
            .ForJob(SweepJob.Key)
            .WithCronSchedule(seconds >= 60 ? "0 * * * * ?" : string.Create(CultureInfo.InvariantCulture, $"0/{seconds} * * * * ?"), b => b
                .InTimeZone(TimeZoneInfo.Utc)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .StartAt(time.GetUtcNow())
            .Build();

    /// <summary>One sweep as soon as the scheduler runs: the start-up catch-up.</summary>
    public static ITrigger CatchUp(TimeProvider time) =>
        TriggerBuilder.Create(time)
            .WithIdentity(CatchUpKey)
            .ForJob(SweepJob.Key)
            .StartAt(time.GetUtcNow())
            .Build();
}
