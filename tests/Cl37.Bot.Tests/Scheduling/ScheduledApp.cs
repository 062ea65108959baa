using Cl37.Bot.Chat;
using Cl37.Bot.Data;
using Cl37.Bot.Scheduling;
using Cl37.Bot.Tests.Fakes;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Cl37.Bot.Tests.Scheduling;

/// <summary>A <see cref="QuizApp"/> on a given SQLite file (so restarts and second instances share it),
/// with helpers to reach its Quartz scheduler and set schedules.</summary>
internal sealed class ScheduledApp : IAsyncDisposable
{
    public ScheduledApp(string dbPath, DateTimeOffset start, bool quartz = true)
    {
        App = new QuizApp(settings: new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={dbPath}",
            ["Scheduling:Enabled"] = quartz ? "true" : "false",
        }, start: start);
        _ = App.Server;
    }

    public QuizApp App { get; }

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"cl37-sched-{Guid.NewGuid():N}.db");

    public static void DeleteDatabase(string path)
    {
        SqliteFiles.Delete(path);
    }

    /// <summary>The app's Quartz scheduler once the stored schedules are loaded into it (that load starts
    /// when the host has started and runs on its own).</summary>
    public async Task<IScheduler> SchedulerAsync()
    {
        await App.Get<ScheduleSync>().WhenIdleAsync();
        return await App.Get<ISchedulerFactory>().GetScheduler();
    }

    public async Task<string> SetAsync(string arguments, string channel = "general")
    {
        var reply = await App.RunAsync("/quiz schedule set " + arguments, QuizApp.User("admin", admin: true), QuizApp.Channel(channel));
        await App.Get<ScheduleSync>().WhenIdleAsync();
        return reply.Text;
    }

    public async Task<string> OffAsync(string channel = "general")
    {
        var reply = await App.RunAsync("/quiz schedule off", QuizApp.User("admin", admin: true), QuizApp.Channel(channel));
        await App.Get<ScheduleSync>().WhenIdleAsync();
        return reply.Text;
    }

    public async Task<long> ChannelIdAsync(string channel = "general")
    {
        await using var db = App.Db();
        return await db.Channels.Where(c => c.ExternalId == channel).Select(c => c.Id).SingleAsync();
    }

    public async Task<List<QuestionPost>> PostsAsync(string? channel = null)
    {
        await using var db = App.Db();
        var query = db.Posts.AsNoTracking().Where(p => p.PracticePersonId == null);
        if (channel is not null)
        {
            var id = await ChannelIdAsync(channel);
            query = query.Where(p => p.ChannelId == id);
        }
        return await query.OrderBy(p => p.Id).ToListAsync();
    }

    public int QuestionCards(string? channel = null) =>
        App.Platform.Posts.Count(p => p.Message.Card is QuestionCard && (channel is null || p.Channel.ChannelId == channel));

    public int RevealCards() => App.Platform.Cards<RevealCard>().Count();

    /// <summary>Completes once the start-up catch-up job has run (its one-shot trigger is removed after it fires).</summary>
    public async Task CatchUpDoneAsync()
    {
        var scheduler = await SchedulerAsync();
        await Eventually.TrueAsync(async () => await scheduler.GetTrigger(ScheduleTriggers.CatchUpKey) is null, "the start-up catch-up to run");
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
