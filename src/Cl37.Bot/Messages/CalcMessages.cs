using System.Text;
using Cl37.Bot.Calculators;
using Cl37.Bot.Chat;

namespace Cl37.Bot.Messages;

/// <summary>A calculator's result as a steps card, with the same steps as Markdown for platforms
/// that show text only; a wrong input as the calculator's one sentence.</summary>
public static class CalcMessages
{
    public static OutgoingMessage Reply<T>(CalcResult<T> result)
    {
        if (result.Error is { } error)
            return OutgoingMessage.PrivateText(error);
        var card = new StepsCard(result.Title, result.Formula, result.Steps, result.Answer);
        return new OutgoingMessage(Markdown(card), card);
    }

    /// <summary>The card as Markdown.</summary>
    public static string Markdown(StepsCard card)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(card.Title).Append("**\n");
        sb.Append("Formula: `").Append(card.Formula).Append("`\n");
        sb.Append("**Solution Steps:**\n");
        for (var i = 0; i < card.Steps.Count; i++)
            sb.Append(i + 1).Append(". ").Append(card.Steps[i]).Append('\n');
        sb.Append("✅ **Final Answer:** ").Append(card.Answer);
        return sb.ToString();
    }
}
