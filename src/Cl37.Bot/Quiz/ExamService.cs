using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Cl37.Bot.Quiz.Memory;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>The group's exam date: setting it, switching it off, and the readiness forecast from
/// everyone's FSRS memories at the exam.</summary>
public sealed class ExamService(IDbContextFactory<BotDbContext> factory, DeckLibrary decks, TimeProvider time)
{
    public async Task<ExamChange> SetAsync(ChannelInfo channel, DateOnly date, string? deckId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var group = await db.Groups.FirstAsync(g => g.Id == channel.GroupId, cancellationToken);
        var today = Today(group.TimeZone);
        if (date <= today)
            return new ExamChange.NotAhead(date, today);
        deckId ??= channel.DeckId;
        var library = decks.For(channel.GroupId);
        if (deckId is not null && library.FindDeck(deckId) is null)
            return new ExamChange.UnknownDeck(deckId, [.. library.Decks.Select(d => d.Id)]);
        group.ExamDate = date;
        group.ExamDeckId = deckId is null ? null : library.FindDeck(deckId)!.Id;
        await db.SaveChangesAsync(cancellationToken);
        return new ExamChange.Set(await ReportAsync(db, channel, group, cancellationToken));
    }

    /// <summary>True when an exam date was set and is now off.</summary>
    public async Task<bool> OffAsync(ChannelInfo channel, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var group = await db.Groups.FirstAsync(g => g.Id == channel.GroupId, cancellationToken);
        if (group.ExamDate is null)
            return false;
        group.ExamDate = null;
        group.ExamDeckId = null;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The readiness report, or null when the group has no exam date ahead.</summary>
    public async Task<ExamReport?> ShowAsync(ChannelInfo channel, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var group = await db.Groups.AsNoTracking().FirstAsync(g => g.Id == channel.GroupId, cancellationToken);
        if (group.ExamDate is not { } date || date <= Today(group.TimeZone))
            return null;
        return await ReportAsync(db, channel, group, cancellationToken);
    }

    private DateOnly Today(string zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, TimeZones.FindOrUtc(zone)));

    private async Task<ExamReport> ReportAsync(BotDbContext db, ChannelInfo channel, QuizGroup group, CancellationToken cancellationToken)
    {
        var date = group.ExamDate!.Value;
        var pool = decks.For(group.Id).QuestionsOf(group.ExamDeckId);
        var ids = pool.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var asked = (await db.Posts.AsNoTracking()
                .Where(p => p.ChannelId == channel.ChannelId && p.PracticePersonId == null)
                .Select(p => p.QuestionId).Distinct().ToListAsync(cancellationToken))
            .Where(ids.Contains).ToHashSet(StringComparer.Ordinal);

        ExamCoverage? coverage = null;
        var schedule = await db.Schedules.AsNoTracking().FirstOrDefaultAsync(s => s.ChannelId == channel.ChannelId && s.Enabled, cancellationToken);
        if (schedule is not null)
        {
            var nowLocal = TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, TimeZones.FindOrUtc(schedule.TimeZone));
            var today = DateOnly.FromDateTime(nowLocal);
            var slotsDone = await db.Posts.Where(p => p.ChannelId == channel.ChannelId && p.ScheduledDate == today)
                .Select(p => p.ScheduledSlot).ToListAsync(cancellationToken);
            coverage = ExamCoverage.Of(pool.Count, pool.Count - asked.Count, ScheduleTimes.Of(schedule), schedule.DaysMask, nowLocal, date, slotsDone);
        }

        var examUtc = ExamDay.StartUtc(date, group.TimeZone);
        var now = time.GetUtcNow().UtcDateTime;
        var groupId = group.Id;
        var facilities = await Facilities.OfGroupAsync(db, groupId, cancellationToken);
        var rows = await (from r in db.ReviewStates
                          join p in db.People on r.PersonId equals p.Id
                          where p.GroupId == groupId && r.Stability > 0
                          select r).AsNoTracking().ToListAsync(cancellationToken);
        var byPerson = rows.Where(r => ids.Contains(r.QuestionId)).GroupBy(r => r.PersonId)
            .Select(g => g.ToDictionary(r => r.QuestionId, PracticeService.MemoryOf, StringComparer.Ordinal)).ToList();
        var forecast = Forecast(pool, byPerson, facilities, now, examUtc);
        return new ExamReport(date, group.ExamDeckId, pool.Count, asked.Count, coverage, byPerson.Count,
            forecast.Average, forecast.Spread, forecast.Topics.Take(3).ToList());
    }

    /// <summary>Each person's predicted score (mean recall over the deck at the exam) and, per topic,
    /// the group's mean recall and what one practice of each question would add. Pure.</summary>
    public static (double Average, double Spread, IReadOnlyList<TopicForecast> Topics) Forecast(
        IReadOnlyList<Question> pool, IReadOnlyList<Dictionary<string, MemoryState>> people, Facilities facilities, DateTime nowUtc, DateTime examUtc)
    {
        var fsrs = Fsrs.Default;
        if (people.Count == 0 || pool.Count == 0)
            return (0, 0, []);
        var scores = new double[people.Count];
        var topicRecall = new Dictionary<string, (double Recall, double Gain, int N)>(StringComparer.Ordinal);
        for (var i = 0; i < people.Count; i++)
        {
            double sum = 0;
            foreach (var q in pool)
            {
                var memory = people[i].GetValueOrDefault(q.Id);
                var facility = facilities.Of(q.Id);
                var recall = ExamPlanning.RecallAt(fsrs, memory, examUtc, facility);
                var gain = ExamPlanning.Gain(fsrs, memory, nowUtc, examUtc, facility);
                sum += recall;
                var t = topicRecall.GetValueOrDefault(q.Topic);
                topicRecall[q.Topic] = (t.Recall + recall, t.Gain + gain, t.N + 1);
            }
            scores[i] = sum / pool.Count;
        }
        var average = scores.Average();
        var spread = Math.Sqrt(scores.Sum(s => (s - average) * (s - average)) / scores.Length);
        var topics = topicRecall.Select(t => new TopicForecast(t.Key, t.Value.Recall / t.Value.N, t.Value.Gain / t.Value.N))
            .OrderBy(t => t.Recall).ThenBy(t => t.Topic, StringComparer.Ordinal).ToList();
        return (average, spread, topics);
    }
}
