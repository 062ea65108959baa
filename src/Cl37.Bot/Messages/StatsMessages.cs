using System.Globalization;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Messages;

/// <summary>/stats as a table card, with the same facts as text for platforms that show text only.</summary>
public static class StatsMessages
{
    public static OutgoingMessage NotFound(string who, bool byName) => OutgoingMessage.PrivateText(byName
        ? $"I have no answers from `{CommandTextParser.Shorten(who)}` in this group yet."
        : "You have not answered any question here yet. Try `/quiz practice`.");

    public static OutgoingMessage Reply(StatsReport r)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"**Stats for {r.DisplayName}**\n");
        sb.Append(CultureInfo.InvariantCulture, $"Scored answers: {r.Scored}, correct {r.ScoredCorrect} ({Percent(r.ScoredCorrect, r.Scored)}), points {r.Points:0.##}; practice answers: {r.Practice} ({r.PracticeCorrect} right)\n");
        sb.Append(CultureInfo.InvariantCulture, $"Streak: {r.CurrentStreak} now, best {r.BestStreak}\n");

        var rows = new List<IReadOnlyList<string>>();
        if (r.ByKind.Count > 0)
        {
            sb.Append("\n**By type**\n");
            foreach (var g in r.ByKind)
            {
                sb.Append("- ").Append(KindName(g.Key)).Append(": ").Append(Percent(g.Correct, g.Total)).Append(" of ").Append(g.Total).Append('\n');
                rows.Add(["type", KindName(g.Key), Percent(g.Correct, g.Total), g.Total.ToString(CultureInfo.InvariantCulture)]);
            }
            sb.Append("\n**By topic**\n");
            foreach (var g in r.ByTopic)
            {
                sb.Append("- ").Append(g.Key).Append(": ").Append(Percent(g.Correct, g.Total)).Append(" of ").Append(g.Total).Append('\n');
                rows.Add(["topic", g.Key, Percent(g.Correct, g.Total), g.Total.ToString(CultureInfo.InvariantCulture)]);
            }
        }
        if (r.Weakest.Count > 0)
        {
            sb.Append("\n**Weakest questions** (practice included)\n");
            foreach (var w in r.Weakest)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- {QuestionCards.Label(w.Key)}: {Shorten(w.Key.Prompt)} ({w.Wrong} of {w.Total} wrong)\n");
                rows.Add(["weakest", $"{QuestionCards.Label(w.Key)}: {Shorten(w.Key.Prompt)}", Percent(w.Correct, w.Total), w.Total.ToString(CultureInfo.InvariantCulture)]);
            }
        }
        if (r.Exam is { } exam)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n**Exam {exam.Date:yyyy-MM-dd}**\nPredicted score if your memory is carried to that date: {exam.PredictedScore:0%}.\n");
            if (exam.GainTopics.Count > 0)
                sb.Append("Practice would gain most in: ").Append(string.Join(", ", exam.GainTopics.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Topic} (predicted {t.Recall:0%})")))).Append(".\n");
            var practise = exam.GainTopics.Count == 0 ? "" : " · practise " + string.Join(", ", exam.GainTopics.Select(t => t.Topic));
            rows.Add(["exam", exam.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + practise, exam.PredictedScore.ToString("0%", CultureInfo.InvariantCulture), "predicted"]);
        }
        var table = new TableCard($"Stats for {r.DisplayName}", ["By", "What", "Accuracy", "Answers"], rows, string.Create(CultureInfo.InvariantCulture,
            $"{r.Points:0.##} points from {r.Scored} scored answers ({Percent(r.ScoredCorrect, r.Scored)} right) · practice {r.Practice} · streak {r.CurrentStreak} (best {r.BestStreak})"));
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
