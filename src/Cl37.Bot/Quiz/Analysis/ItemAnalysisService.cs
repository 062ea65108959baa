using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz.Analysis;

/// <summary>Reads a group's answers to its channel posts (each person's first answer per question;
/// late and practice answers, and those of posts still hiding their results, left out) and runs <see cref="ItemAnalysis"/> over them.</summary>
public sealed class ItemAnalysisService(IDbContextFactory<BotDbContext> factory, DeckLibrary decks)
{
    /// <summary>How many of the most common wrong typed answers a row lists.</summary>
    public const int CommonWrongAnswers = 3;

    public async Task<ItemAnalysisReport> AnalyseAsync(long groupId, string? deckId, CancellationToken cancellationToken)
    {
        var library = decks.For(groupId);
        if (deckId is not null && library.FindDeck(deckId) is null)
            return new ItemAnalysisReport(deckId, 0, [], library.Decks.Select(d => d.Id).ToList());
        var pool = library.QuestionsOf(deckId);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var asked = await db.Posts.AsNoTracking()
            .Where(p => p.GroupId == groupId && p.PracticePersonId == null)
            .GroupBy(p => p.QuestionId)
            .Select(g => new { QuestionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.QuestionId, x => x.Count, cancellationToken);
        var questions = pool.Where(q => asked.ContainsKey(q.Id)).ToList();
        var itemOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < questions.Count; i++)
            itemOf[questions[i].Id] = i;

        var answers = await (from a in db.ShownAnswers.AsNoTracking()
                             join p in db.Posts on a.PostId equals p.Id
                             where a.GroupId == groupId && !a.Practice && p.PracticePersonId == null
                             orderby a.Id
                             select new { a.PersonId, a.QuestionId, a.Points, a.Response }).ToListAsync(cancellationToken);
        var personOf = new Dictionary<long, int>();
        var seen = new HashSet<(long, int)>();
        var responses = new List<ItemResponse>(answers.Count);
        var wrongTyped = new Dictionary<int, List<string>>();
        foreach (var a in answers)
        {
            if (!itemOf.TryGetValue(a.QuestionId, out var item) || !seen.Add((a.PersonId, item)))
                continue;
            if (!personOf.TryGetValue(a.PersonId, out var person))
                personOf[a.PersonId] = person = personOf.Count;
            var score = (float)Math.Clamp(a.Points / Grading.GradeResult.FullPoints, 0, 1);
            responses.Add(new ItemResponse(person, item, score, Choices(questions[item], a.Response)));
            if (questions[item].Options.Count == 0 && score < 1)
            {
                if (!wrongTyped.TryGetValue(item, out var list))
                    wrongTyped[item] = list = [];
                list.Add(a.Response);
            }
        }

        var definitions = questions.Select(q => new ItemDefinition(q.Options.Count, Choices(q, string.Join(',', q.CorrectKeys)), asked[q.Id])).ToList();
        var statistics = ItemAnalysis.Compute(definitions, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(responses), personOf.Count);
        return new ItemAnalysisReport(deckId, personOf.Count, questions.Select((q, i) => new ItemAnalysisRow(q, statistics[i], CommonWrong(wrongTyped.GetValueOrDefault(i)))).ToList());
    }

    /// <summary>Wrong typed answers grouped as the grader reads them ("POST", "the Post"), each under
    /// the spelling most people used.</summary>
    public static IReadOnlyList<CommonAnswer> CommonWrong(IReadOnlyList<string>? responses)
    {
        if (responses is null || responses.Count == 0)
            return [];
        return responses
            .GroupBy(r => Grading.Grader.Normalize(r) is { Length: > 0 } same ? same : r.ToUpperInvariant(), StringComparer.Ordinal)
            .Select(g => new CommonAnswer(g.GroupBy(r => r, StringComparer.Ordinal).OrderByDescending(s => s.Count()).First().Key, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Text, StringComparer.Ordinal)
            .Take(CommonWrongAnswers).ToList();
    }

    /// <summary>The options in a stored response (<c>A, C</c>) as a bit mask of option positions.</summary>
    public static int Choices(Question question, string response)
    {
        if (question.Options.Count == 0)
            return 0;
        var mask = 0;
        foreach (var key in response.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            for (var o = 0; o < question.Options.Count && o < ItemAnalysis.MaxOptions; o++)
            {
                if (string.Equals(question.Options[o].Key, key, StringComparison.OrdinalIgnoreCase))
                    mask |= 1 << o;
            }
        }
        return mask;
    }
}
