using System.Globalization;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>A person's accuracy by question type and topic, weakest questions and streak.</summary>
public sealed class StatsService(IDbContextFactory<BotDbContext> factory, DeckLibrary decks)
{
    public async Task<OutgoingMessage> ForAsync(ChannelInfo channel, string who, bool byName, CancellationToken cancellationToken)
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
            return OutgoingMessage.PrivateText(byName ? $"I have no answers from `{CommandTextParser.Shorten(who)}` in this group yet." : "You have not answered any question here yet. Try `/quiz practice`.");

        var answers = await db.Answers.AsNoTracking().Where(a => personIds.Contains(a.PersonId))
            .Select(a => new { a.QuestionId, a.IsCorrect, a.Practice, a.Points }).ToListAsync(cancellationToken);
        var scored = answers.Where(a => !a.Practice).ToList();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"**Stats for {person.DisplayName}**\n");
        sb.Append(CultureInfo.InvariantCulture, $"Scored answers: {scored.Count}, correct {scored.Count(a => a.IsCorrect)} ({Percent(scored.Count(a => a.IsCorrect), scored.Count)}), points {scored.Sum(a => a.Points):0.##}; practice answers: {answers.Count - scored.Count} ({answers.Count(a => a.Practice && a.IsCorrect)} right)\n");
        sb.Append(CultureInfo.InvariantCulture, $"Streak: {person.CurrentStreak} now, best {person.BestStreak}\n");

        var rows = new List<IReadOnlyList<string>>();
        // Accuracy counts scored answers only; practice is for learning and would flatter it.
        var withQuestion = scored.Select(a => (a, q: decks.FindQuestion(a.QuestionId))).Where(x => x.q is not null).ToList();
        if (withQuestion.Count > 0)
        {
            sb.Append("\n**By type**\n");
            foreach (var g in withQuestion.GroupBy(x => x.q!.Kind).OrderBy(g => g.Key))
            {
                var line = $"{KindName(g.Key)}: {Percent(g.Count(x => x.a.IsCorrect), g.Count())} of {g.Count()}";
                sb.Append("- ").Append(line).Append('\n');
                rows.Add(["type", KindName(g.Key), Percent(g.Count(x => x.a.IsCorrect), g.Count()), g.Count().ToString(CultureInfo.InvariantCulture)]);
            }
            sb.Append("\n**By topic**\n");
            foreach (var g in withQuestion.GroupBy(x => x.q!.Topic).OrderBy(g => (double)g.Count(x => x.a.IsCorrect) / g.Count()))
            {
                sb.Append("- ").Append(g.Key).Append(": ").Append(Percent(g.Count(x => x.a.IsCorrect), g.Count())).Append(" of ").Append(g.Count()).Append('\n');
                rows.Add(["topic", g.Key, Percent(g.Count(x => x.a.IsCorrect), g.Count()), g.Count().ToString(CultureInfo.InvariantCulture)]);
            }
        }
        var weakest = answers.Select(a => (a, q: decks.FindQuestion(a.QuestionId))).Where(x => x.q is not null).GroupBy(x => x.q!.Id)
            .Select(g => (q: g.First().q!, wrong: g.Count(x => !x.a.IsCorrect), total: g.Count()))
            .Where(x => x.wrong > 0).OrderByDescending(x => x.wrong).ThenByDescending(x => x.total).Take(3).ToList();
        if (weakest.Count > 0)
        {
            sb.Append("\n**Weakest questions** (practice included)\n");
            foreach (var (q, wrong, total) in weakest)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- {QuestionCards.Label(q)}: {Shorten(q.Prompt)} ({wrong} of {total} wrong)\n");
                rows.Add(["weakest", $"{QuestionCards.Label(q)}: {Shorten(q.Prompt)}", Percent(total - wrong, total), total.ToString(CultureInfo.InvariantCulture)]);
            }
        }
        var table = new TableCard($"Stats for {person.DisplayName}", ["By", "What", "Accuracy", "Answers"], rows, string.Create(CultureInfo.InvariantCulture,
            $"{scored.Sum(a => a.Points):0.##} points from {scored.Count} scored answers ({Percent(scored.Count(a => a.IsCorrect), scored.Count)} right) · practice {answers.Count - scored.Count} · streak {person.CurrentStreak} (best {person.BestStreak})"));
        return new OutgoingMessage(sb.ToString().TrimEnd(), table, Private: true);
    }

    private static string KindName(QuestionKind kind) => kind switch
    {
        QuestionKind.SingleChoice => "single choice",
        QuestionKind.MultipleSelect => "multiple select",
        QuestionKind.Numerical => "numerical",
        _ => "fill in the blank",
    };

    private static string Percent(int part, int total) => total == 0 ? "–" : ((double)part / total).ToString("0%", CultureInfo.InvariantCulture);

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
