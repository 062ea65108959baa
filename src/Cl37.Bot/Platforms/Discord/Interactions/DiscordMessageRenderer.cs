using System.Globalization;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Wire;

namespace Cl37.Bot.Platforms.Discord.Interactions;

/// <summary>Turns port messages into Discord messages within the documented limits: content ≤ 2,000
/// characters, ≤ 5 action rows of ≤ 5 buttons or one select, ≤ 25 select options, labels ≤ 80/100,
/// custom_id ≤ 100 (DAD resources/message.mdx "Create Message", components/reference.mdx).</summary>
internal static class DiscordMessageRenderer
{
    public const int MaxContent = 2000;
    public const int EphemeralFlag = 1 << 6;
    private const int MaxButtons = 25;
    private const int ButtonsPerRow = 5;
    private const int MaxSelectOptions = 25;
    private const int MaxButtonLabel = 80;
    private const int MaxSelectText = 100;

    public static MessagePayload Render(OutgoingMessage message) => new()
    {
        Content = Content(message),
        Components = Components(message.Card),
    };

    public static InteractionCallbackData CallbackData(OutgoingMessage message) => new()
    {
        Content = Content(message),
        Components = Components(message.Card),
        Flags = message.Private ? EphemeralFlag : null,
        AllowedMentions = new AllowedMentions(),
    };

    /// <summary>The modal a free-text question's Answer button opens (a Label wrapping a short text
    /// input; DAD components/reference.mdx "Label", "Text Input"; title ≤ 45, label ≤ 45).</summary>
    public static InteractionCallbackData AnswerModal(long postId) => new()
    {
        CustomId = DiscordCustomIds.Modal(postId),
        Title = "Your answer",
        Components =
        [
            new Component
            {
                Type = 18,
                Label = "Answer",
                Description = "A number or a few words; you can answer once.",
                Child = new Component { Type = 4, CustomId = DiscordCustomIds.AnswerInput, Style = 1, MinLength = 1, MaxLength = 200, Required = true },
            },
        ],
    };

    public static string Content(OutgoingMessage message)
    {
        var card = message.Card switch
        {
            QuestionCard q => Question(q),
            RevealCard r => Reveal(r),
            TableCard t => Table(t, MaxContent - message.Text.Length - 2),
            StepsCard s => Steps(s),
            _ => "",
        };
        var text = string.IsNullOrWhiteSpace(message.Text) ? card
            : card.Length == 0 ? message.Text
            : message.Text + "\n\n" + card;
        if (text.Length == 0)
            text = "\u200b";
        return Fit(text, MaxContent);
    }

    public static List<Component>? Components(ChatCard? card)
    {
        if (card is not QuestionCard q)
            return null;
        var disabled = q.Closed ? true : (bool?)null;
        switch (q.Input)
        {
            case AnswerInput.SingleChoice when q.Options.Count is > 0 and <= MaxButtons:
                return q.Options
                    .Select((o, i) => (o, i))
                    .GroupBy(x => x.i / ButtonsPerRow)
                    .Select(row => new Component
                    {
                        Type = 1,
                        Components = row.Select(x => new Component
                        {
                            Type = 2,
                            Style = 1,
                            Label = Fit(x.o.Key, MaxButtonLabel),
                            CustomId = DiscordCustomIds.Button(q.PostId, x.o.Key),
                            Disabled = disabled,
                        }).ToList(),
                    })
                    .ToList();
            case AnswerInput.SingleChoice or AnswerInput.MultiSelect when q.Options.Count > 0:
                var options = q.Options.Take(MaxSelectOptions).ToList();
                var multi = q.Input == AnswerInput.MultiSelect;
                return
                [
                    new Component
                    {
                        Type = 1,
                        Components =
                        [
                            new Component
                            {
                                Type = 3,
                                CustomId = DiscordCustomIds.Select(q.PostId),
                                Placeholder = multi ? "Pick every answer that applies" : "Pick one answer",
                                MinValues = 1,
                                MaxValues = multi ? options.Count : 1,
                                Disabled = disabled,
                                Options = options.Select(o => new SelectOption
                                {
                                    Label = Fit($"{o.Key}: {Plain(o.Text)}", MaxSelectText),
                                    Value = Fit(o.Key, MaxSelectText),
                                }).ToList(),
                            },
                        ],
                    },
                ];
            case AnswerInput.FreeText:
                return
                [
                    new Component
                    {
                        Type = 1,
                        Components = [new Component { Type = 2, Style = 1, Label = "Answer", CustomId = DiscordCustomIds.OpenModal(q.PostId), Disabled = disabled }],
                    },
                ];
            default:
                return null;
        }
    }

    private static string Question(QuestionCard q)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(q.Title).Append("**\n").Append(q.Prompt).Append('\n');
        if (q.Options.Count > 0)
        {
            sb.Append('\n');
            foreach (var o in q.Options)
                sb.Append("**").Append(o.Key).Append("** ").Append(o.Text).Append('\n');
        }
        if (q.Input == AnswerInput.MultiSelect)
            sb.Append("_Pick every answer that applies._\n");
        if (q.InputHint is { Length: > 0 } hint)
            sb.Append('_').Append(hint).Append("_\n");
        sb.Append("\n-# ").Append(q.AnsweredCount.ToString(CultureInfo.InvariantCulture)).Append(q.AnsweredCount == 1 ? " answer" : " answers");
        if (q.Closed)
            sb.Append(" · closed");
        else if (q.ClosesUtc is { } closes)
            sb.Append(" · closes <t:").Append(new DateTimeOffset(DateTime.SpecifyKind(closes, DateTimeKind.Utc)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)).Append(":R>");
        return sb.ToString();
    }

    private static string Reveal(RevealCard r)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(r.Title).Append("** · answer: **").Append(r.CorrectAnswer).Append("**\n").Append(r.Prompt).Append("\n\n");
        foreach (var o in r.Options)
        {
            sb.Append(o.IsCorrect ? "✅ " : "▫️ ").Append("**").Append(o.Key).Append("** ").Append(o.Text)
              .Append(" · ").Append(o.Count.ToString(CultureInfo.InvariantCulture))
              .Append(" (").Append(o.Percent.ToString("0", CultureInfo.InvariantCulture)).Append("%)");
            if (!o.IsCorrect && o.WhyWrong is { Length: > 0 } why)
                sb.Append(" — ").Append(why);
            sb.Append('\n');
        }
        if (r.Explanation.Length > 0)
            sb.Append('\n').Append(r.Explanation).Append('\n');
        for (var i = 0; i < r.SolutionSteps.Count; i++)
            sb.Append(i + 1).Append(". ").Append(r.SolutionSteps[i]).Append('\n');
        sb.Append('\n').Append(r.CorrectCount.ToString(CultureInfo.InvariantCulture)).Append(" of ")
          .Append(r.AnsweredCount.ToString(CultureInfo.InvariantCulture)).Append(" correct");
        if (r.FastestCorrect.Count > 0)
            sb.Append(" · fastest: ").Append(string.Join(", ", r.FastestCorrect));
        foreach (var line in r.Movement)
            sb.Append('\n').Append(line);
        return sb.ToString();
    }

    private static string Steps(StepsCard s)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(s.Title).Append("**\n`").Append(s.Formula.Replace('`', '\'')).Append("`\n");
        for (var i = 0; i < s.Steps.Count; i++)
            sb.Append(i + 1).Append(". ").Append(s.Steps[i]).Append('\n');
        sb.Append("**Answer:** ").Append(s.Answer);
        return sb.ToString();
    }

    /// <summary>A monospaced table in a code block; rows that would not fit are dropped and counted
    /// so the fence always closes.</summary>
    private static string Table(TableCard t, int budget)
    {
        var columns = t.Columns.Count;
        var cells = t.Rows.Select(r => Enumerable.Range(0, columns).Select(i => i < r.Count ? Cell(r[i]) : "").ToList()).ToList();
        var header = t.Columns.Select(Cell).ToList();
        var widths = Enumerable.Range(0, columns)
            .Select(i => Math.Min(40, cells.Select(r => r[i].Length).Append(header[i].Length).Max()))
            .ToList();
        string Line(IReadOnlyList<string> row) =>
            string.Join("  ", row.Select((c, i) => (c.Length > widths[i] ? c[..(widths[i] - 1)] + "…" : c).PadRight(widths[i]))).TrimEnd();

        var head = new StringBuilder();
        head.Append("**").Append(t.Title).Append("**\n```\n").Append(Line(header)).Append('\n')
            .Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        var footer = t.Footer is { Length: > 0 } f ? "\n" + f : "";
        var sb = new StringBuilder(head.ToString());
        var shown = 0;
        foreach (var row in cells)
        {
            var line = Line(row) + "\n";
            var moreNote = $"… {cells.Count - shown - 1} more\n";
            if (sb.Length + line.Length + moreNote.Length + 4 + footer.Length > budget && shown < cells.Count - 1)
                break;
            if (sb.Length + line.Length + 4 + footer.Length > budget)
                break;
            sb.Append(line);
            shown++;
        }
        if (shown < cells.Count)
            sb.Append("… ").Append((cells.Count - shown).ToString(CultureInfo.InvariantCulture)).Append(" more\n");
        sb.Append("```").Append(footer);
        return sb.ToString();
    }

    private static string Cell(string s) => s.Replace('`', '\'').Replace('\n', ' ').Replace('\r', ' ');

    private static string Plain(string s) => s.Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>Shortens to <paramref name="max"/> characters with an ellipsis, never splitting a
    /// surrogate pair, and closes a code block the cut left open.</summary>
    public static string Fit(string text, int max)
    {
        if (text.Length <= max)
            return text;
        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
            cut--;
        var s = text[..cut] + "…";
        if (CountFences(s) % 2 == 1)
        {
            const string close = "\n```";
            cut = max - close.Length - 1;
            if (char.IsHighSurrogate(text[cut - 1]))
                cut--;
            s = text[..cut] + "…" + close;
        }
        return s;
    }

    private static int CountFences(string s)
    {
        var n = 0;
        for (var i = s.IndexOf("```", StringComparison.Ordinal); i >= 0; i = s.IndexOf("```", i + 3, StringComparison.Ordinal))
            n++;
        return n;
    }
}
