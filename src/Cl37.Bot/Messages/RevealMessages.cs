using System.Globalization;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Quiz;
using Cl37.Bot.Quiz.Grading;

namespace Cl37.Bot.Messages;

/// <summary>The reveal of a closed question: its card, and the same facts as text.</summary>
public static class RevealMessages
{
    public static OutgoingMessage Message(RevealCard reveal) => new(Text(reveal), reveal);

    public static RevealCard Card(long postId, Question q, IReadOnlyList<(string Response, bool IsCorrect, int LatencyMs, string Name)> answers)
    {
        var total = answers.Count;
        List<RevealOption> options;
        if (q.Options.Count > 0)
        {
            options = q.Options.Select(o =>
            {
                var count = answers.Count(a => a.Response.Split(',', StringSplitOptions.TrimEntries).Contains(o.Key));
                return new RevealOption(o.Key, o.Text, count, total == 0 ? 0 : 100.0 * count / total, q.CorrectKeys.Contains(o.Key), q.WhyWrong.GetValueOrDefault(o.Key));
            }).ToList();
        }
        else
        {
            // Answers the grader reads as the same ("POST", "the Post") are one line, under the spelling most people typed.
            options = answers.GroupBy(a => Grader.Normalize(a.Response) is { Length: > 0 } same ? same : a.Response.ToUpperInvariant())
                .Select(g =>
                {
                    var shown = g.GroupBy(a => a.Response, StringComparer.Ordinal).OrderByDescending(s => s.Count()).First().Key;
                    return new RevealOption(shown, shown, g.Count(), total == 0 ? 0 : 100.0 * g.Count() / total, g.First().IsCorrect, null);
                })
                .OrderByDescending(o => o.Count).Take(8).ToList();
        }
        var fastest = answers.Where(a => a.IsCorrect).OrderBy(a => a.LatencyMs).Take(3)
            .Select(a => $"{a.Name} ({FormatLatency(a.LatencyMs)})").ToList();
        return new RevealCard(postId, $"Reveal · {QuestionCards.Title(q)}", q.Prompt, QuestionCards.CorrectAnswer(q), QuestionCards.Explanation(q),
            options, total, answers.Count(a => a.IsCorrect), fastest, [], q.SolutionSteps, Outcome(total, answers.Count(a => a.IsCorrect)));
    }

    public static string Text(RevealCard r)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(r.Title).Append("**\n").Append(r.Prompt).Append("\n\n✅ **Answer:** ").Append(r.CorrectAnswer);
        if (r.Explanation.Length > 0)
            sb.Append("\n📖 ").Append(r.Explanation);
        foreach (var o in r.Options)
        {
            // Typed answers (fill-in, numerical) are their own label: no "Grafana) Grafana".
            var label = o.Key == o.Text ? o.Text : $"{o.Key}) {o.Text}";
            sb.Append(CultureInfo.InvariantCulture, $"\n{(o.IsCorrect ? "✅" : "▫️")} {label} — {o.Count} ({o.Percent:0}%)");
            if (!o.IsCorrect && o.WhyWrong is { Length: > 0 } why)
                sb.Append(" — ").Append(why);
        }
        sb.Append("\n\n").Append(r.Outcome).Append('.');
        if (r.FastestCorrect.Count > 0)
            sb.Append("\n⚡ Fastest: ").Append(string.Join(", ", r.FastestCorrect));
        if (r.Movement.Count > 0)
            sb.Append("\n📈 This week:\n").Append(string.Join('\n', r.Movement));
        return sb.ToString();
    }

    /// <summary>"2 of 3 correct"; a reveal nobody answered says so rather than "0 of 0".</summary>
    public static string Outcome(int answered, int correct) =>
        answered == 0 ? "Nobody answered" : string.Create(CultureInfo.InvariantCulture, $"{correct} of {answered} correct");

    /// <summary>The week's top lines under a reveal, with what each person gained on this question.</summary>
    public static IReadOnlyList<string> Movement(IReadOnlyList<WeekStanding> top) =>
        [.. top.Select((t, i) => string.Create(CultureInfo.InvariantCulture,
            $"{i + 1}. {t.Name} — {t.Points:0.##} pts{(t.Gained > 0 ? $" (+{t.Gained:0.##} on this question)" : "")}"))];

    private static string FormatLatency(int ms) => ms < 60_000
        ? string.Create(CultureInfo.InvariantCulture, $"{ms / 1000.0:0.#} s")
        : string.Create(CultureInfo.InvariantCulture, $"{ms / 60_000} min {ms / 1000 % 60} s");
}
