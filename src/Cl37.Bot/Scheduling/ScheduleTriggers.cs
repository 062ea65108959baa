using System.Globalization;
using Cl37.Bot.Quiz;
using Quartz;

namespace Cl37.Bot.Scheduling;

/// <summary>The Quartz triggers: one cron trigger per time of a channel's schedule, the sweep, the start-up catch-up.</summary>
public static class ScheduleTriggers
{
    public const string Group = "cl37";

    public const string DailyGroup = "cl37-daily";

    public static readonly TriggerKey SweepKey = new("sweep", Group);

    public static readonly TriggerKey CatchUpKey = new("catch-up", Group);

    /// <summary>The trigger of the channel's first time of day; it keeps the name it had when a
    /// schedule had one time, so stores written then still match.</summary>
    public static TriggerKey DailyKey(long channelId) => DailyKey(channelId, 0);

    public static TriggerKey DailyKey(long channelId, int slot) => slot == 0
        ? new(channelId.ToString(CultureInfo.InvariantCulture), DailyGroup)
        : new(string.Create(CultureInfo.InvariantCulture, $"{channelId}/{slot}"), DailyGroup);

    /// <summary>Every trigger name a channel may have, whatever its number of times.</summary>
    public static IReadOnlyCollection<TriggerKey> AllDailyKeys(long channelId) =>
        [.. Enumerable.Range(0, ScheduleTimes.MaxPerDay).Select(slot => DailyKey(channelId, slot))];

    /// <summary>The channel's cron triggers in its own zone, one per time of day. A misfire (the
    /// scheduler thread was late past the threshold) fires once at once; <see cref="DailySchedule.DueAt"/>
    /// then decides whether a post is still owed, so a late fire never posts a stale question.</summary>
    public static IReadOnlyList<ITrigger> Daily(long channelId, DailySchedule schedule, TimeProvider time) =>
        [.. schedule.CronExpressions.Select((cron, slot) => Daily(channelId, slot, cron, schedule.Zone, time))];

    private static ITrigger Daily(long channelId, int slot, string cron, TimeZoneInfo zone, TimeProvider time) =>
        TriggerBuilder.Create(time)
            .WithIdentity(DailyKey(channelId, slot))
            .ForJob(DailyQuestionJob.Key)
            .UsingJobData(DailyQuestionJob.ChannelIdKey, channelId.ToString(CultureInfo.InvariantCulture))
            .WithCronSchedule(cron, b => b
                .InTimeZone(zone)
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
