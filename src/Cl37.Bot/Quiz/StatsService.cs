using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>A person's accuracy by question type and topic, weakest questions and streak.</summary>
public sealed class StatsService(IDbContextFactory<BotDbContext> factory, DeckLibrary decks, TimeProvider time)
{
    /// <summary>The person's stats, or null when they have no answers here.</summary>
    public async Task<StatsReport?> ForAsync(ChannelInfo channel, string who, bool byName, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var people = db.People.AsNoTracking().Where(p => p.GroupId == channel.GroupId);
        var person = await people.FirstOrDefaultAsync(p => p.ExternalId == who, cancellationToken);
        if (person is null && byName)
        {
            var lowered = who.Trim().TrimStart('@', '＠').ToLowerInvariant();
            person = await people.FirstOrDefaultAsync(p => p.DisplayName.ToLower() == lowered, cancellationToken);
        }
        List<long> personIds = person is null ? [] : [person.Id];
        if (person is null && !byName)
        {
            // Where someone never answered (a 1:1 chat with the bot is a group of its own), their
            // stats are their answers in every group on this platform: ids are per person, not per group.
            var everywhere = await (from p in db.People
                                    join g in db.Groups on p.GroupId equals g.Id
                                    where g.Platform == channel.Channel.Platform && p.ExternalId == who
                                    orderby p.BestStreak descending
                                    select p).AsNoTracking().ToListAsync(cancellationToken);
            person = everywhere.FirstOrDefault();
            personIds = [.. everywhere.Select(p => p.Id)];
        }
        if (person is null)
            return null;

        var answers = await db.ShownAnswers.AsNoTracking().Where(a => personIds.Contains(a.PersonId))
            .Select(a => new { a.QuestionId, a.IsCorrect, a.Practice, a.Points }).ToListAsync(cancellationToken);
        if (answers.Count == 0)
            return null;
        var scored = answers.Where(a => !a.Practice).ToList();
        // Accuracy counts scored answers only; practice is for learning and would flatter it.
        var withQuestion = scored.Select(a => (a, q: decks.FindQuestion(a.QuestionId))).Where(x => x.q is not null).ToList();
        var byKind = withQuestion.GroupBy(x => x.q!.Kind).OrderBy(g => g.Key)
            .Select(g => new StatsLine<QuestionKind>(g.Key, g.Count(x => x.a.IsCorrect), g.Count())).ToList();
        var byTopic = withQuestion.GroupBy(x => x.q!.Topic).OrderBy(g => (double)g.Count(x => x.a.IsCorrect) / g.Count())
            .Select(g => new StatsLine<string>(g.Key, g.Count(x => x.a.IsCorrect), g.Count())).ToList();
        var weakest = answers.Select(a => (a, q: decks.FindQuestion(a.QuestionId))).Where(x => x.q is not null).GroupBy(x => x.q!.Id)
            .Select(g => new StatsLine<Question>(g.First().q!, g.Count(x => x.a.IsCorrect), g.Count()))
            .Where(x => x.Wrong > 0).OrderByDescending(x => x.Wrong).ThenByDescending(x => x.Total).Take(3).ToList();
        return new StatsReport(person.DisplayName, scored.Count, scored.Count(a => a.IsCorrect), scored.Sum(a => a.Points),
            answers.Count - scored.Count, answers.Count(a => a.Practice && a.IsCorrect), person.CurrentStreak, person.BestStreak,
            byKind, byTopic, weakest, await ForecastAsync(db, person, cancellationToken));
    }

    private async Task<PersonalForecast?> ForecastAsync(BotDbContext db, Person person, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().FirstAsync(g => g.Id == person.GroupId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (group.ExamDate is not { } date || ExamDay.StartUtc(date, group.TimeZone) <= now)
            return null;
        var pool = decks.For(group.Id).QuestionsOf(group.ExamDeckId);
        var memories = await db.ReviewStates.AsNoTracking().Where(r => r.PersonId == person.Id && r.Stability > 0).ToListAsync(cancellationToken);
        var facilities = await Facilities.OfGroupAsync(db, group.Id, cancellationToken);
        var mine = memories.ToDictionary(r => r.QuestionId, PracticeService.MemoryOf, StringComparer.Ordinal);
        var (score, _, topics) = ExamService.Forecast(pool, [mine], facilities, now, ExamDay.StartUtc(date, group.TimeZone));
        return new PersonalForecast(date, score, [.. topics.OrderByDescending(t => t.Gain).ThenBy(t => t.Topic, StringComparer.Ordinal).Take(3)]);
    }
}
