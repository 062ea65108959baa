using System.Globalization;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;

namespace Cl37.Bot.Quiz;

/// <summary>Builds the platform-neutral question, feedback and reveal messages.</summary>
public static class QuestionCards
{
    public static string Title(Question q) => q.Kind switch
    {
        QuestionKind.SingleChoice => $"Question {q.Number} · single choice",
        QuestionKind.MultipleSelect => $"Question {q.Number} · select all that apply",
        QuestionKind.Numerical => $"Question {q.Number} · calculation",
        _ => $"Question {q.Number} · fill in the blank",
    } + $" · {q.Topic}";

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
            });
        var text = new StringBuilder().Append("**").Append(card.Title).Append("**\n").Append(card.Prompt);
        foreach (var o in q.Options)
            text.Append("\n- ").Append(o.Key).Append(") ").Append(o.Text);
        text.Append(closed ? "\n\n_Closed._" : string.Create(CultureInfo.InvariantCulture, $"\n\n{answered} answered"));
        return new OutgoingMessage(text.ToString(), card, isPrivate);
    }

    public static string CorrectAnswer(Question q) => q.Kind switch
    {
        QuestionKind.SingleChoice or QuestionKind.MultipleSelect =>
            string.Join(", ", q.CorrectKeys.Select(k => k + ") " + (q.Options.FirstOrDefault(o => o.Key == k)?.Text ?? ""))),
        _ => q.AnswerText,
    };

    /// <summary>Explanation for feedback and reveals: the deck's explanation, or its solution steps.</summary>
    public static string Explanation(Question q) =>
        q.Explanation.Length > 0 ? q.Explanation : string.Join("\n", q.SolutionSteps);
}
