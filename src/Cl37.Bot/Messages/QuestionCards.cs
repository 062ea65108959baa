using System.Globalization;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;

namespace Cl37.Bot.Messages;

/// <summary>Builds the platform-neutral question, feedback and reveal messages.</summary>
public static partial class QuestionCards
{
    /// <summary>"MCQ 9 · single choice · onnx": the deck's own section name and number, so MCQ 1 and
    /// MSQ 1 never share a label.</summary>
    public static string Title(Question q) => $"{Label(q)} · " + q.Kind switch
    {
        QuestionKind.SingleChoice => "single choice",
        QuestionKind.MultipleSelect => "select all that apply",
        QuestionKind.Numerical => "calculation",
        _ => "fill in the blank",
    } + $" · {q.Topic}";

    /// <summary>The question as the deck heads it: "MCQ 9", "MSQ 1", "Numerical 4", "Fill 2"; an
    /// imported question's own title where its file gives one.</summary>
    public static string Label(Question q) => q.Title ?? DeckLabels.Label(q.Section, q.Number);

    public static AnswerInput InputOf(Question q) => q.Kind switch
    {
        QuestionKind.SingleChoice => AnswerInput.SingleChoice,
        QuestionKind.MultipleSelect => AnswerInput.MultiSelect,
        _ => AnswerInput.FreeText,
    };

    public static string Prompt(Question q) =>
        q.Given is { Length: > 0 } given ? q.Prompt + "\n\n**Given:**\n" + given : q.Prompt;

    public static OutgoingMessage Question(long postId, Question q, int answered, DateTime? closesUtc, bool closed, bool isPrivate = false)
    {
        var card = new QuestionCard(postId, q.Id, Title(q), Prompt(q), InputOf(q),
            q.Options.Select(o => new CardOption(o.Key, o.Text)).ToList(), answered, closesUtc, closed,
            q.Kind switch
            {
                QuestionKind.Numerical => "A number, e.g. 42 (units optional; several parts as 30, 90)",
                QuestionKind.FillIn => "The missing word or phrase",
                _ => null,
            },
            ShowTally: !isPrivate);
        var text = new StringBuilder().Append("**").Append(card.Title).Append("**\n").Append(card.Prompt);
        foreach (var o in q.Options)
            text.Append("\n- ").Append(o.Key).Append(") ").Append(o.Text);
        // A private practice question has no audience, so it carries no tally.
        if (closed)
            text.Append("\n\n_Closed._");
        else if (!isPrivate)
            text.Append(CultureInfo.InvariantCulture, $"\n\n{answered} answered");
        return new OutgoingMessage(text.ToString(), card, isPrivate);
    }

    public static string CorrectAnswer(Question q) => q.Kind switch
    {
        QuestionKind.SingleChoice or QuestionKind.MultipleSelect =>
            string.Join(", ", q.CorrectKeys.Select(k => k + ") " + (q.Options.FirstOrDefault(o => o.Key == k)?.Text ?? ""))),
        _ => q.AnswerText,
    };

    /// <summary>"✅ Correct: 10 points.", "🟡 Partly right: 5 points.", "❌ Not right" (no points when not scored), as the grader words a fresh answer.</summary>
    public static string Verdict(bool isCorrect, double points, bool scored)
    {
        var verdict = Icon(isCorrect, points) + (isCorrect ? " Correct" : points > 0 ? " Partly right" : " Not right");
        return scored ? string.Create(CultureInfo.InvariantCulture, $"{verdict}: {points:0.##} points.") : verdict;
    }

    /// <summary>✅ right, 🟡 partly right (some points), ❌ not right.</summary>
    public static string Icon(bool isCorrect, double points) => isCorrect ? "✅" : points > 0 ? "🟡" : "❌";

    /// <summary>The key and why, as private feedback ends: "\n**Answer:** …\n**Why:** …".</summary>
    public static string KeyAndWhy(Question q)
    {
        var text = "\n**Answer:** " + CorrectAnswer(q);
        var explanation = Explanation(q);
        if (explanation.Length == 0)
            return text;
        // A list starts on its own line: "**Why:** - A) …" would read as one run-on line.
        return text + (ListStart().IsMatch(explanation) ? "\n**Why:**\n" : "\n**Why:** ") + explanation;
    }

    /// <summary>What the deck says about the person's own pick, one line per picked option that has a
    /// note ("\n**Why not B:** …" as the reveal says it, "\n**A:** …" for a right pick's note), or the
    /// note of the weighted typed answer they matched; empty otherwise.</summary>
    public static string PickFeedback(Question q, string response)
    {
        var sb = new StringBuilder();
        if (q.Options.Count > 0)
        {
            foreach (var key in response.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var right = q.CorrectKeys.Contains(key);
                var note = right ? q.WhyRight.GetValueOrDefault(key) : q.WhyWrong.GetValueOrDefault(key);
                if (note is { Length: > 0 })
                    sb.Append(right ? "\n**" : "\n**Why not ").Append(key).Append(":** ").Append(note);
            }
        }
        else if (q.Kind == QuestionKind.FillIn && q.Weights?.FirstOrDefault(w => Quiz.Grading.WeightedGrader.Matches(response, w.Answer, q.CaseSensitive)) is { Feedback: { Length: > 0 } feedback })
        {
            sb.Append("\n**Your answer:** ").Append(feedback);
        }
        return sb.ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:[-*•]\s|\d{1,3}[.)]\s)", System.Text.RegularExpressions.RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial System.Text.RegularExpressions.Regex ListStart();

    /// <summary>Explanation for feedback and reveals: the deck's explanation, or its solution steps.</summary>
    public static string Explanation(Question q) =>
        q.Explanation.Length > 0 ? q.Explanation : string.Join("\n", q.SolutionSteps);
}
