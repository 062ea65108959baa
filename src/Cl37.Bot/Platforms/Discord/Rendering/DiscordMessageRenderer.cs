using System.Globalization;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Wire;

namespace Cl37.Bot.Platforms.Discord.Rendering;

/// <summary>Turns port messages into Discord messages within the documented limits: content ≤ 2,000
/// characters, ≤ 5 action rows of ≤ 5 buttons or one select, ≤ 25 select options, labels ≤ 80/100,
/// custom_id ≤ 100 (DAD resources/message.mdx "Create Message", components/reference.mdx).</summary>
internal static class DiscordMessageRenderer
{
    public const int MaxContent = 2000;
    private const int MaxTallyLength = 64;
    // "\n-# 999/999" with room to spare.
    private const int MaxPartNumberLength = 16;
    private const string ModalTitle = "Your answer";
    private const string AnswerLabel = "Answer";
    private const string EmptyContent = "\u200b";
    private const int MaxButtons = 25;
    private const int ButtonsPerRow = 5;
    private const int MaxSelectOptions = 25;
    private const int MaxButtonLabel = 80;
    private const int MaxSelectText = 100;

    /// <summary>The messages that show <paramref name="message"/>: one, or several when the text is
    /// longer than 2,000 characters (split, never cut); the answer controls go on the last.</summary>
    public static List<MessagePayload> Render(OutgoingMessage message, bool ephemeral = false)
    {
        var parts = Contents(message);
        return parts.Select((content, i) => new MessagePayload
        {
            Content = content,
            Components = i == parts.Count - 1 ? Components(message.Card) : null,
            Flags = ephemeral ? MessageFlags.Ephemeral : null,
            Files = i == parts.Count - 1 ? message.Files : [],
            Attachments = i == parts.Count - 1 && message.Files.Count > 0
                ? [.. message.Files.Select((f, n) => new AttachmentRef { Id = n, Filename = f.FileName })]
                : null,
        }).ToList();
    }

    /// <summary>The files of a payload as a message of their own, for a response that cannot carry
    /// them (the JSON answer to an interaction).</summary>
    public static (MessagePayload WithoutFiles, MessagePayload? Files) SplitFiles(MessagePayload payload) =>
        payload.Files.Count == 0
            ? (payload, null)
            : (new MessagePayload { Content = payload.Content, Components = payload.Components, Flags = payload.Flags, AllowedMentions = payload.AllowedMentions },
               new MessagePayload { Flags = payload.Flags, Files = payload.Files, Attachments = payload.Attachments });

    /// <summary>The first response to an interaction: the first message of <see cref="Render"/>;
    /// the others follow as follow-up messages.</summary>
    public static InteractionCallbackData CallbackData(MessagePayload first, bool isPrivate) => new()
    {
        Content = first.Content,
        Components = first.Components,
        Flags = isPrivate ? MessageFlags.Ephemeral : null,
        AllowedMentions = new AllowedMentions(),
    };

    /// <summary>The modal a free-text question's Answer button opens (a Label wrapping a short text
    /// input; DAD components/reference.mdx "Label", "Text Input"; title ≤ 45, label ≤ 45).</summary>
    public static InteractionCallbackData AnswerModal(long postId) => new()
    {
        CustomId = DiscordCustomIds.Modal(postId),
        Title = ModalTitle,
        Components =
        [
            new Component
            {
                Type = ComponentType.Label,
                Label = AnswerLabel,
                Description = "A number or a few words; you can answer once.",
                Child = AnswerTextInput(label: null),
            },
        ],
    };

    /// <summary>The same modal in the older shape, an action row around the text input (still
    /// accepted, though deprecated; DAD components/reference.mdx "Text Input").</summary>
    public static InteractionCallbackData LegacyAnswerModal(long postId) => new()
    {
        CustomId = DiscordCustomIds.Modal(postId),
        Title = ModalTitle,
        Components = [new Component { Type = ComponentType.ActionRow, Components = [AnswerTextInput(AnswerLabel)] }],
    };

    private static Component AnswerTextInput(string? label) =>
        new() { Type = ComponentType.TextInput, CustomId = DiscordCustomIds.AnswerInput, Label = label, Style = (int)TextInputStyle.Short, MinLength = 1, MaxLength = 200, Required = true };

    /// <summary>The message's content in parts of at most 2,000 characters. A message with a card
    /// shows the card only: the core's text is the same content worded for platforms without cards.
    /// A message in several parts numbers them ("-# 1/3") so a reader can tell when one is missing.</summary>
    public static List<string> Contents(OutgoingMessage message)
    {
        if (message.Card is QuestionCard q)
        {
            // The tally line is appended after the split, so a tally update edits only the last part
            // and never moves the cut between the parts posted earlier.
            var tail = Tally(q, message.Private);
            var question = Question(q);
            var parts = DiscordText.Split(question, MaxContent - MaxTallyLength);
            if (parts.Count == 1)
                return [parts[0] + tail];
            parts = DiscordText.Split(question, MaxContent - MaxTallyLength - MaxPartNumberLength);
            for (var i = 0; i < parts.Count - 1; i++)
                parts[i] += "\n-# " + PartNumber(i, parts.Count);
            parts[^1] += tail.Length == 0 ? "\n\n-# " + PartNumber(parts.Count - 1, parts.Count) : tail + " · " + PartNumber(parts.Count - 1, parts.Count);
            return parts;
        }
        var text = message.Card switch
        {
            RevealCard r => Reveal(r),
            TableCard t => Table(t),
            StepsCard s => Steps(s),
            _ => message.Text,
        };
        text = string.IsNullOrWhiteSpace(text) ? EmptyContent : text;
        var whole = DiscordText.Split(text, MaxContent);
        if (whole.Count == 1)
            return whole;
        var numbered = DiscordText.Split(text, MaxContent - MaxPartNumberLength);
        return numbered.Select((part, i) => part + "\n-# " + PartNumber(i, numbered.Count)).ToList();
    }

    /// <summary>The line sent in place of the parts of a split message Discord did not take, so
    /// the reader knows the message is incomplete instead of taking the parts shown for all of it.</summary>
    public static MessagePayload MissingParts(int firstMissing, int count, bool ephemeral)
    {
        var of = count.ToString(CultureInfo.InvariantCulture);
        var which = firstMissing == count
            ? $"part {of} of {of}"
            : $"parts {firstMissing.ToString(CultureInfo.InvariantCulture)}–{of} of {of}";
        var text = ephemeral
            ? $"⚠️ The rest of this reply ({which}) could not be sent. Run the command again to see it all."
            : $"⚠️ The rest of the message above ({which}) could not be sent.";
        return new MessagePayload { Content = text, Flags = ephemeral ? MessageFlags.Ephemeral : null };
    }

    /// <summary>"2/3": which part of a split message this is.</summary>
    public static string PartNumber(int index, int count) =>
        (index + 1).ToString(CultureInfo.InvariantCulture) + "/" + count.ToString(CultureInfo.InvariantCulture);

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
                        Type = ComponentType.ActionRow,
                        Components = row.Select(x => new Component
                        {
                            Type = ComponentType.Button,
                            Style = (int)ButtonStyle.Primary,
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
                        Type = ComponentType.ActionRow,
                        Components =
                        [
                            new Component
                            {
                                Type = ComponentType.StringSelect,
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
                        Type = ComponentType.ActionRow,
                        Components = [new Component { Type = ComponentType.Button, Style = (int)ButtonStyle.Primary, Label = "Answer", CustomId = DiscordCustomIds.OpenModal(q.PostId), Disabled = disabled }],
                    },
                ];
            default:
                return null;
        }
    }

    private static string Question(QuestionCard q)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(q.Title).Append("**\n").Append(DiscordText.EscapeBlanks(q.Prompt)).Append('\n');
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
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>The one tally line (a private practice question has no tally: nobody else answers it).</summary>
    private static string Tally(QuestionCard q, bool isPrivate)
    {
        var items = new List<string>();
        if (!isPrivate)
            items.Add(q.AnsweredCount.ToString(CultureInfo.InvariantCulture) + (q.AnsweredCount == 1 ? " answer" : " answers"));
        if (q.Closed)
            items.Add("closed");
        else if (q.ClosesUtc is { } closes)
            items.Add("closes <t:" + new DateTimeOffset(DateTime.SpecifyKind(closes, DateTimeKind.Utc)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + ":R>");
        return items.Count == 0 ? "" : "\n\n-# " + string.Join(" · ", items);
    }

    private static string Reveal(RevealCard r)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(r.Title).Append("** · answer: **").Append(r.CorrectAnswer).Append("**\n").Append(DiscordText.EscapeBlanks(r.Prompt)).Append("\n\n");
        foreach (var o in r.Options)
        {
            sb.Append(o.IsCorrect ? "✅ " : "▫️ ");
            // Typed answers (fill-in, numerical) are both the key and the text, and are people's own words.
            if (o.Key == o.Text)
                sb.Append(DiscordText.Escape(o.Text));
            else
                sb.Append("**").Append(o.Key).Append("** ").Append(o.Text);
            sb.Append(" · ").Append(o.Count.ToString(CultureInfo.InvariantCulture))
              .Append(" (").Append(o.Percent.ToString("0", CultureInfo.InvariantCulture)).Append("%)");
            if (!o.IsCorrect && o.WhyWrong is { Length: > 0 } why)
                sb.Append(" — ").Append(why);
            sb.Append('\n');
        }
        if (r.Explanation.Length > 0)
            sb.Append('\n').Append(r.Explanation).Append('\n');
        // Without an explanation the core explains with the solution steps; they are then shown once.
        if (r.Explanation != string.Join("\n", r.SolutionSteps))
        {
            for (var i = 0; i < r.SolutionSteps.Count; i++)
                sb.Append(i + 1).Append(". ").Append(r.SolutionSteps[i]).Append('\n');
        }
        sb.Append('\n').Append(r.Outcome);
        if (r.FastestCorrect.Count > 0)
            sb.Append(" · fastest: ").Append(string.Join(", ", r.FastestCorrect.Select(DiscordText.Escape)));
        foreach (var line in r.Movement)
            sb.Append('\n').Append(DiscordText.Escape(line));
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

    /// <summary>A monospaced table in a code block, where names need no escaping; the title and the
    /// footer carry names too and are escaped. A long table is split across messages.</summary>
    private static string Table(TableCard t)
    {
        var columns = t.Columns.Count;
        var cells = t.Rows.Select(r => Enumerable.Range(0, columns).Select(i => i < r.Count ? Cell(r[i]) : "").ToList()).ToList();
        var header = t.Columns.Select(Cell).ToList();
        var widths = Enumerable.Range(0, columns)
            .Select(i => Math.Min(40, cells.Select(r => r[i].Length).Append(header[i].Length).Max()))
            .ToList();
        string Line(IReadOnlyList<string> row) =>
            string.Join("  ", row.Select((c, i) => (c.Length > widths[i] ? c[..(widths[i] - 1)] + "…" : c).PadRight(widths[i]))).TrimEnd();

        var sb = new StringBuilder();
        sb.Append("**").Append(DiscordText.Escape(t.Title)).Append("**\n```\n").Append(Line(header)).Append('\n')
          .Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (var row in cells)
            sb.Append(Line(row)).Append('\n');
        sb.Append("```");
        if (t.Footer is { Length: > 0 } footer)
            sb.Append('\n').Append(DiscordText.Escape(footer));
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
