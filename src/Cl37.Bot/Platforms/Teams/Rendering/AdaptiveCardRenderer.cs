using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Kernel;

namespace Cl37.Bot.Platforms.Teams.Rendering;

/// <summary>Renders the port's cards as Adaptive Cards 1.5, the newest schema Teams supports
/// (Universal Actions need exactly 1.5). Every card stays under 28 KB so it is valid on every path
/// into Teams (perf-limits.md); long texts are clipped until it fits.</summary>
internal static partial class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const int MaxCardBytes = 28 * 1024;
    public const string AnswerVerb = "answer";
    public const string RefreshVerb = "refresh";
    public const string AnswerInputId = "answer";
    public const string DataMarker = "cl37";

    private static readonly int[] TextBudgets = [4000, 1200, 400, 120];

    /// <summary>The card for a message, or null when it is plain text. An open question lists
    /// <paramref name="personalViews"/> (Teams user ids) as the people whose client asks for their
    /// own view of it.</summary>
    public static JsonObject? Render(OutgoingMessage message, IReadOnlyList<string>? personalViews = null)
    {
        if (message.Card is null)
            return null;
        foreach (var budget in TextBudgets)
        {
            var card = RenderOnce(message, budget);
            if (personalViews is not null && message.Card is QuestionCard { Closed: false } question)
                card["refresh"] = Refresh(question.PostId, personalViews);
            if (Encoding.UTF8.GetByteCount(card.ToJsonString()) < MaxCardBytes)
                return card;
        }
        return Card([Text(Clip(message.Text, 1000), wrap: true), Text("(This card was too large for Teams and was shortened.)", subtle: true)], []);
    }

    /// <summary>A card for any reply, text included: Action.Execute must answer with a card.</summary>
    public static JsonObject RenderPrivate(OutgoingMessage message) =>
        Render(message) ?? Card([Text(Clip(message.Text, 4000), wrap: true)], []);

    private static JsonObject RenderOnce(OutgoingMessage message, int budget)
    {
        // With a card, the message text is the core's plain rendition of the same content: it
        // becomes the card's fallbackText (shown where cards are not) rather than a duplicate.
        var lead = new List<JsonNode>();
        var card = message.Card switch
        {
            QuestionCard q => Question(q, lead, budget),
            RevealCard r => Reveal(r, lead, budget),
            TableCard t => Table(t, lead, budget),
            StepsCard s => Steps(s, lead, budget),
            _ => Card([Text(Clip(message.Text, budget), wrap: true)], []),
        };
        if (!string.IsNullOrWhiteSpace(message.Text))
            card["fallbackText"] = Clip(message.Text, budget);
        return card;
    }

    private static JsonObject Question(QuestionCard q, List<JsonNode> lead, int budget)
    {
        var body = new List<JsonNode>(lead)
        {
            Text(Clip(q.Title, 200), size: "Medium", weight: "Bolder", wrap: true),
            Text(Clip(q.Prompt, budget), wrap: true),
        };
        var actions = new List<JsonNode>();
        // A person's own copy after their answer was taken shows the question without its controls.
        var controls = !q.Closed && (q.Feedback is null || q.CanRetry);
        if (q.Input == AnswerInput.SingleChoice || !controls)
        {
            foreach (var o in q.Options)
                body.Add(Text($"**{o.Key}.** {Clip(o.Text, budget / 4)}", wrap: true, spacing: "Small"));
        }
        if (controls)
        {
            switch (q.Input)
            {
                case AnswerInput.SingleChoice:
                    foreach (var o in q.Options)
                        actions.Add(Execute(o.Key, AnswerData(q.PostId, o.Key)));
                    break;
                case AnswerInput.MultiSelect:
                    body.Add(new JsonObject
                    {
                        ["type"] = "Input.ChoiceSet",
                        ["id"] = AnswerInputId,
                        ["label"] = "Your answer (pick all that apply)",
                        ["isMultiSelect"] = true,
                        ["style"] = "expanded",
                        ["isRequired"] = true,
                        ["errorMessage"] = "Pick at least one option.",
                        // Teams sends a multi-select's value comma-separated, so keys must not contain commas.
                        ["choices"] = new JsonArray([.. q.Options.Select(o => (JsonNode)new JsonObject
                        {
                            ["title"] = $"{o.Key}. {Clip(o.Text, budget / 4)}",
                            ["value"] = o.Key.Replace(",", "", StringComparison.Ordinal),
                        })]),
                    });
                    actions.Add(Execute("Submit answer", AnswerData(q.PostId, null, multiSelect: true)));
                    break;
                default:
                    body.Add(new JsonObject
                    {
                        ["type"] = "Input.Text",
                        ["id"] = AnswerInputId,
                        ["label"] = "Your answer",
                        ["placeholder"] = Clip(q.InputHint ?? "Your answer", 200),
                        ["maxLength"] = 200,
                        ["isRequired"] = true,
                        ["errorMessage"] = "Type an answer.",
                    });
                    actions.Add(Execute("Submit answer", AnswerData(q.PostId, null)));
                    break;
            }
        }
        if (q.Feedback is { } feedback)
        {
            // Universal Actions answer an Action.Execute with the card that replaces the clicker's
            // copy (work-with-universal-actions-for-adaptive-cards.md), so a refused answer is said
            // on the card itself, next to the controls that take it again.
            body.Add(q.CanRetry
                ? Text(Clip(feedback, budget / 4), color: "Attention", wrap: true, spacing: "Medium")
                : Text(Clip(feedback, budget), wrap: true, spacing: "Medium"));
        }
        var footer = q switch
        {
            { ShowTally: false } => q.Closed ? "Closed" : null,
            { Closed: true } => $"Closed · {Answered(q.AnsweredCount)}",
            { ClosesUtc: { } closes } => $"{Answered(q.AnsweredCount)} · closes {closes.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC",
            _ => Answered(q.AnsweredCount),
        };
        if (footer is not null)
            body.Add(Text(footer, subtle: true, spacing: "Medium"));
        return Card(body, actions);
    }

    private static JsonObject Reveal(RevealCard r, List<JsonNode> lead, int budget)
    {
        var body = new List<JsonNode>(lead)
        {
            Text(Clip(r.Title, 200), size: "Medium", weight: "Bolder", wrap: true),
            Text(Clip(r.Prompt, budget), wrap: true),
            Text("Correct answer: " + Clip(r.CorrectAnswer, budget / 4), weight: "Bolder", color: "Good", wrap: true),
        };
        // A numerical question's explanation is often its solution steps, which follow as a list.
        var stepsAreExplanation = r.SolutionSteps.Count > 0 && r.Explanation.Trim() == string.Join("\n", r.SolutionSteps).Trim();
        if (!string.IsNullOrWhiteSpace(r.Explanation) && !stepsAreExplanation)
            body.Add(Text(Clip(r.Explanation, budget), wrap: true));
        foreach (var o in r.Options)
        {
            var mark = o.IsCorrect ? "✅" : "❌";
            var pct = o.Percent.ToString("0", CultureInfo.InvariantCulture);
            // Typed answers (numerical, fill-in) come back with the answer as both key and text.
            var label = o.Key == o.Text ? Clip(o.Text, budget / 4) : $"**{o.Key}.** {Clip(o.Text, budget / 4)}";
            body.Add(Text($"{mark} {label} — {o.Count} ({pct}%)", wrap: true, spacing: "Small"));
            if (!o.IsCorrect && !string.IsNullOrWhiteSpace(o.WhyWrong))
                body.Add(Text(Clip(o.WhyWrong, budget / 4), subtle: true, wrap: true, spacing: "None"));
        }
        if (r.SolutionSteps.Count > 0)
            body.Add(Text(string.Join("\n", r.SolutionSteps.Select((s, i) => $"{i + 1}. {Clip(s, budget / 4)}")), wrap: true));
        body.Add(Text(r.Outcome, weight: "Bolder", spacing: "Medium"));
        if (r.FastestCorrect.Count > 0)
            body.Add(Text("Fastest: " + Clip(string.Join(", ", r.FastestCorrect), budget / 2), wrap: true));
        if (r.Movement.Count > 0)
            body.Add(Text(string.Join("\n", r.Movement.Select(m => (NumberedLine().IsMatch(m) ? "" : "- ") + Clip(m, 200))), wrap: true));
        return Card(body, []);
    }

    private static JsonObject Table(TableCard t, List<JsonNode> lead, int budget)
    {
        var body = new List<JsonNode>(lead) { Text(Clip(t.Title, 200), size: "Medium", weight: "Bolder", wrap: true) };
        var cellBudget = Math.Max(20, budget / 20);
        var rows = new JsonArray { Row(t.Columns, cellBudget) };
        foreach (var row in t.Rows)
            rows.Add(Row(row, cellBudget));
        body.Add(new JsonObject
        {
            ["type"] = "Table",
            ["firstRowAsHeader"] = true,
            ["showGridLines"] = false,
            ["columns"] = new JsonArray([.. t.Columns.Select(_ => (JsonNode)new JsonObject { ["width"] = 1 })]),
            ["rows"] = rows,
        });
        if (!string.IsNullOrWhiteSpace(t.Footer))
            body.Add(Text(Clip(t.Footer, 500), subtle: true, wrap: true));
        return Card(body, []);
    }

    private static JsonObject Row(IReadOnlyList<string> cells, int budget) => new()
    {
        ["type"] = "TableRow",
        ["cells"] = new JsonArray([.. cells.Select(c => (JsonNode)new JsonObject
        {
            ["type"] = "TableCell",
            ["items"] = new JsonArray(Text(Clip(c, budget), wrap: true)),
        })]),
    };

    private static JsonObject Steps(StepsCard s, List<JsonNode> lead, int budget)
    {
        var body = new List<JsonNode>(lead)
        {
            Text(Clip(s.Title, 200), size: "Medium", weight: "Bolder", wrap: true),
            Text(Clip(s.Formula, budget / 2), fontType: "Monospace", wrap: true),
        };
        for (var i = 0; i < s.Steps.Count; i++)
            body.Add(Text($"{i + 1}. {Clip(s.Steps[i], budget / 4)}", wrap: true, spacing: "Small"));
        body.Add(Text("Answer: " + Clip(s.Answer, budget / 2), weight: "Bolder", color: "Good", wrap: true, spacing: "Medium"));
        return Card(body, []);
    }

    private static string Answered(int count) => count == 1 ? "1 answered" : $"{count} answered";

    private static JsonObject AnswerData(long postId, string? value, bool multiSelect = false)
    {
        var data = new JsonObject { [DataMarker] = AnswerVerb, ["post"] = postId };
        if (value is not null)
            data["value"] = value;
        if (multiSelect)
            data["multi"] = true;
        return data;
    }

    // Universal Actions, User-Specific-Views.md: Teams sends the listed users (at most 60) an
    // adaptiveCard/action invoke with trigger "automatic" whenever they see the card, and shows them
    // the card the bot answers with. userIds [] (rather than none) keeps Teams from refreshing for
    // every member of a small channel; the others get the "Refresh card" menu only.
    private static JsonObject Refresh(long postId, IReadOnlyList<string> userIds) => new()
    {
        ["action"] = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = "Refresh",
            ["verb"] = RefreshVerb,
            ["data"] = new JsonObject { [DataMarker] = RefreshVerb, ["post"] = postId },
        },
        ["userIds"] = new JsonArray([.. userIds.Take(TeamsAnswerers.MaxUserSpecificViews).Select(u => (JsonNode)JsonValue.Create(u))]),
    };

    // Universal Action with an Action.Submit fallback for clients without Action.Execute.
    private static JsonObject Execute(string title, JsonObject data) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = Clip(title, 80),
        ["verb"] = AnswerVerb,
        ["data"] = data,
        ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = Clip(title, 80), ["data"] = data.DeepClone() },
    };

    private static JsonObject Card(List<JsonNode> body, List<JsonNode> actions)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = new JsonArray([.. body]),
        };
        if (actions.Count > 0)
            card["actions"] = new JsonArray([.. actions]);
        return card;
    }

    private static JsonObject Text(string text, string? size = null, string? weight = null, string? color = null,
        bool wrap = false, bool subtle = false, string? spacing = null, string? fontType = null)
    {
        // Monospace blocks (a formula, an export) keep their lines as they are.
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = fontType is null ? TeamsMessageText.Markdown(text) : text };
        if (size is not null)
            block["size"] = size;
        if (weight is not null)
            block["weight"] = weight;
        if (color is not null)
            block["color"] = color;
        if (fontType is not null)
            block["fontType"] = fontType;
        if (wrap)
            block["wrap"] = true;
        if (subtle)
            block["isSubtle"] = true;
        if (spacing is not null)
            block["spacing"] = spacing;
        return block;
    }

    // The board's lines come numbered ("1. Kim …"); a second marker would read "• 1. Kim".
    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,3}\.\s", System.Text.RegularExpressions.RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial System.Text.RegularExpressions.Regex NumberedLine();

    internal static string Clip(string? text, int max)
    {
        text ??= "";
        return text.Length <= max ? text : text[..Math.Max(0, max - 1)] + "…";
    }
}
