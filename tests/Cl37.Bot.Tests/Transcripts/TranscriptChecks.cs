using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cl37.Bot.Tests.Transcripts;

/// <summary>Rules every transcript must keep, whatever its golden file says: no paragraph twice in
/// one message, each platform's documented limits, and nothing meant for one person in a message
/// the channel sees. Each problem is one line naming the rule, the step and the payload.</summary>
internal static partial class TranscriptChecks
{
    // DAD resources/message.mdx, components/reference.mdx, resources/channel.mdx#embed-limits.
    private const int DiscordMaxContent = 2000;
    private const int DiscordMaxActionRows = 5;
    private const int DiscordMaxButtonsPerRow = 5;
    private const int DiscordMaxCustomId = 100;
    private const int DiscordMaxEmbeds = 10;
    private const int DiscordMaxEmbedTotal = 6000;
    private const int DiscordMaxModalTitle = 45;

    // Adaptive Cards 1.5 as Teams renders it; under 28 KB on every path into Teams (perf-limits.md).
    private const int TeamsMaxCardBytes = 28 * 1024;
    private static readonly Version TeamsMaxCardVersion = new(1, 5);
    private static readonly HashSet<string> AdaptiveCard15Types = new(StringComparer.Ordinal)
    {
        "AdaptiveCard", "TextBlock", "Image", "Media", "RichTextBlock", "TextRun", "ActionSet", "Container", "ColumnSet", "Column",
        "FactSet", "ImageSet", "Table", "TableRow", "TableCell",
        "Input.Text", "Input.Number", "Input.Date", "Input.Time", "Input.Toggle", "Input.ChoiceSet",
        "Action.OpenUrl", "Action.Submit", "Action.ShowCard", "Action.ToggleVisibility", "Action.Execute",
    };

    /// <summary>Feedback only the answerer may read; in a channel post it would give the answer away or expose someone.</summary>
    private static readonly string[] PrivateMarkers = ["Answer recorded", "You already answered", "counts as practice only", "Practice answer recorded"];

    public static List<string> Check(Transcript transcript)
    {
        var problems = new List<string>();
        foreach (var entry in transcript.Entries)
        {
            foreach (var message in Messages(transcript.Platform, entry))
                problems.AddRange(RepeatedParagraphs(message).Select(p => $"repeated paragraph · {Where(entry)}: \"{p}\""));
            if (transcript.Platform == "discord")
                problems.AddRange(DiscordLimits(entry).Select(p => $"discord limit · {Where(entry)}: {p}"));
            foreach (var message in Messages(transcript.Platform, entry))
                problems.AddRange(message.Split('\n').Where(l => DoubleListMarker().IsMatch(l)).Select(l => $"two list markers · {Where(entry)}: \"{l.Trim()}\""));
            if (transcript.Platform == "teams")
            {
                problems.AddRange(TeamsCards(entry).Select(p => $"adaptive card · {Where(entry)}: {p}"));
                problems.AddRange(TeamsLostLineBreaks(entry).Select(p => $"teams line break · {Where(entry)}: {p}"));
            }
        }
        problems.AddRange(PrivateInPublic(transcript));
        return problems;
    }

    private static string Where(TranscriptEntry entry) => $"{entry.Action} · {entry.Payload}";

    /// <summary>The texts a person reads in one payload, each a message on its own: Discord's
    /// content and embeds; a Teams text, a card's text blocks and its fallback text; a playground
    /// message's text and its card.</summary>
    public static IEnumerable<string> Messages(string platform, TranscriptEntry entry)
    {
        if (entry.Body is not JsonObject body)
            yield break;
        switch (platform)
        {
            case "discord":
                var message = body["data"] as JsonObject ?? body;
                if (message["content"]?.GetValue<string>() is { } content)
                    yield return content;
                foreach (var embed in (message["embeds"] as JsonArray ?? []).OfType<JsonObject>())
                    yield return string.Join("\n\n", new[] { embed["title"], embed["description"] }.Select(n => n?.GetValue<string>()).OfType<string>());
                break;
            case "teams":
                if (body["text"]?.GetValue<string>() is { } text)
                    yield return text;
                foreach (var card in Cards(body))
                {
                    yield return string.Join("\n\n", TextBlocks(card));
                    if (card["fallbackText"]?.GetValue<string>() is { } fallback)
                        yield return fallback;
                }
                break;
            default:
                foreach (var dto in PlaygroundMessages(body))
                {
                    if (dto["text"]?.GetValue<string>() is { Length: > 0 } playgroundText)
                        yield return playgroundText;
                    if (dto["card"] is JsonObject playgroundCard)
                        yield return string.Join("\n\n", Strings(playgroundCard));
                }
                break;
        }
    }

    private static IEnumerable<JsonObject> PlaygroundMessages(JsonObject body)
    {
        if (body["reply"] is JsonObject reply)
            yield return reply;
        foreach (var m in (body["messages"] as JsonArray ?? []).OfType<JsonObject>())
            yield return m;
        if (body["id"] is not null && body["text"] is not null)
            yield return body;
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.Where(p => p.Key is not ("kind" or "input" or "postId" or "questionId" or "key")).SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private static bool IsFileCard(JsonObject attachment) =>
        attachment["contentType"]?.GetValue<string>() == "application/vnd.microsoft.teams.card.file.consent";

    public static IEnumerable<JsonObject> Cards(JsonObject body)
    {
        foreach (var attachment in (body["attachments"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (attachment["content"] is JsonObject content && !IsFileCard(attachment))
                yield return content;
        }
        if (body["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive" && body["value"] is JsonObject invoked)
            yield return invoked;
    }

    private static IEnumerable<string> TextBlocks(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "TextBlock" => [o["text"]?.GetValue<string>() ?? ""],
        JsonObject o => o.Where(p => p.Key is not ("fallbackText" or "data")).SelectMany(p => TextBlocks(p.Value)),
        JsonArray a => a.SelectMany(TextBlocks),
        _ => [],
    };

    /// <summary>Paragraphs (split at blank lines) that occur twice once list markers, Markdown
    /// emphasis and spacing are ignored: a message rendering the same content twice.</summary>
    public static IEnumerable<string> RepeatedParagraphs(string message) =>
        Paragraphs(message).GroupBy(p => p).Where(g => g.Count() > 1).Select(g => g.Key);

    private static IEnumerable<string> Paragraphs(string message) =>
        BlankLine().Split(message.ReplaceLineEndings("\n"))
            .Select(Normalise)
            .Where(p => p.Length >= 12);

    private static string Normalise(string paragraph)
    {
        var lines = paragraph.Split('\n').Select(l => ListMarker().Replace(l.Trim(), ""));
        var text = Emphasis().Replace(string.Join(" ", lines), "");
        return Spaces().Replace(text, " ").Trim().ToLowerInvariant();
    }

    private static IEnumerable<string> DiscordLimits(TranscriptEntry entry)
    {
        if (entry.Body is not JsonObject body)
            yield break;
        var type = body["type"]?.GetValue<int>();
        var message = body["data"] as JsonObject ?? body;
        if (type == 9)
        {
            if ((message["title"]?.GetValue<string>().Length ?? 0) > DiscordMaxModalTitle)
                yield return $"modal title over {DiscordMaxModalTitle} characters";
        }
        if (message["content"]?.GetValue<string>() is { } content && content.Length > DiscordMaxContent)
            yield return $"content of {content.Length} characters (limit {DiscordMaxContent})";
        if (message["components"] is JsonArray rows)
        {
            if (rows.Count > DiscordMaxActionRows)
                yield return $"{rows.Count} top-level components (limit {DiscordMaxActionRows} action rows)";
            foreach (var row in rows.OfType<JsonObject>())
            {
                var children = row["components"] as JsonArray ?? [];
                if (row["type"]?.GetValue<int>() == 1 && children.Count(c => c?["type"]?.GetValue<int>() == 2) > DiscordMaxButtonsPerRow)
                    yield return $"an action row with more than {DiscordMaxButtonsPerRow} buttons";
            }
        }
        foreach (var id in CustomIds(message).Where(id => id.Length > DiscordMaxCustomId))
            yield return $"custom_id of {id.Length} characters: {id[..20]}…";
        if (message["embeds"] is JsonArray embeds)
        {
            if (embeds.Count > DiscordMaxEmbeds)
                yield return $"{embeds.Count} embeds (limit {DiscordMaxEmbeds})";
            var total = embeds.OfType<JsonObject>().Sum(e => Strings(e).Sum(s => s.Length));
            if (total > DiscordMaxEmbedTotal)
                yield return $"embeds of {total} characters (limit {DiscordMaxEmbedTotal})";
        }
    }

    private static IEnumerable<string> CustomIds(JsonNode? node) => node switch
    {
        JsonObject o => (o["custom_id"]?.GetValue<string>() is { } id ? [id] : Array.Empty<string>()).Concat(o.SelectMany(p => CustomIds(p.Value))),
        JsonArray a => a.SelectMany(CustomIds),
        _ => [],
    };

    private static IEnumerable<string> TeamsCards(TranscriptEntry entry)
    {
        if (entry.Body is not JsonObject body)
            yield break;
        foreach (var attachment in (body["attachments"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (IsFileCard(attachment))
            {
                // The Teams bot file flow (personal chats): a consent card names the file and its size.
                if (attachment["name"] is null || attachment["content"]?["sizeInBytes"] is null || attachment["content"]?["acceptContext"] is null)
                    yield return "a file consent card needs a name, sizeInBytes and acceptContext";
            }
            else if (attachment["contentType"]?.GetValue<string>() != "application/vnd.microsoft.card.adaptive")
                yield return $"attachment of type {attachment["contentType"]} is not an Adaptive Card";
        }
        foreach (var card in Cards(body))
        {
            if (card["type"]?.GetValue<string>() != "AdaptiveCard")
                yield return "content is not of type AdaptiveCard";
            if (!Version.TryParse(card["version"]?.GetValue<string>(), out var version) || version > TeamsMaxCardVersion)
                yield return $"version {card["version"]} (Teams supports up to {TeamsMaxCardVersion})";
            var bytes = Encoding.UTF8.GetByteCount(card.ToJsonString());
            if (bytes >= TeamsMaxCardBytes)
                yield return $"{bytes} bytes (limit {TeamsMaxCardBytes})";
            foreach (var type in ElementTypes(card).Where(t => !AdaptiveCard15Types.Contains(t)).Distinct())
                yield return $"element type {type} is not in Adaptive Cards 1.5";
            // The Adaptive Cards validator: "Required inputs should have a label" (screen readers announce it).
            foreach (var input in Inputs(card).Where(i => string.IsNullOrWhiteSpace(i["label"]?.GetValue<string>())))
                yield return $"input {input["id"]} has no label";
        }
    }

    public static IEnumerable<JsonObject> Inputs(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() is { } type && type.StartsWith("Input.", StringComparison.Ordinal) => [o],
        JsonObject o => o.SelectMany(p => Inputs(p.Value)),
        JsonArray a => a.SelectMany(Inputs),
        _ => [],
    };

    /// <summary>Teams Markdown keeps a single line break only before a list item; elsewhere it needs a
    /// blank line (or &lt;br&gt;), so "…points.\n**Answer:** …" reads as one run-on line. One problem
    /// per text, naming the first break that is lost.</summary>
    private static IEnumerable<string> TeamsLostLineBreaks(TranscriptEntry entry)
    {
        if (entry.Body is not JsonObject body)
            yield break;
        var texts = new List<string>();
        if (body["text"]?.GetValue<string>() is { } text && body["textFormat"]?.GetValue<string>() != "plain")
            texts.Add(text);
        foreach (var card in Cards(body))
            texts.AddRange(TextBlocks(card));
        foreach (var t in texts)
        {
            var lines = t.ReplaceLineEndings("\n").Split('\n');
            for (var i = 1; i < lines.Length; i++)
            {
                if (lines[i - 1].Trim().Length > 0 && lines[i].Trim().Length > 0 && !TeamsListMarker().IsMatch(lines[i].Trim()))
                {
                    yield return $"\"{Clip(lines[i - 1])}⏎{Clip(lines[i])}\" runs together";
                    break;
                }
            }
        }
    }

    private static string Clip(string line) => line.Length <= 40 ? line : line[..39] + "…";

    private static IEnumerable<string> ElementTypes(JsonNode? node) => node switch
    {
        JsonObject o => (o["type"] is JsonValue v && v.TryGetValue<string>(out var t) ? [t] : Array.Empty<string>())
            .Concat(o.Where(p => p.Key is not ("data" or "msteams")).SelectMany(p => ElementTypes(p.Value))),
        JsonArray a => a.SelectMany(ElementTypes),
        _ => [],
    };

    /// <summary>A step whose reply is meant for one person (answer feedback, /stats) sends nothing
    /// to the channel, and no public message carries private feedback or a paragraph of such a reply.</summary>
    private static IEnumerable<string> PrivateInPublic(Transcript transcript)
    {
        // Answer feedback repeats the answer and its explanation, which the reveal publishes on
        // purpose; what is private in it is caught by the markers. A private command's reply is private throughout.
        var secrets = transcript.Entries
            .Where(e => !e.Public && e.Step > 0 && TranscriptScenario.Steps[e.Step - 1] is TranscriptStep.Command c && TranscriptScenario.RepliesPrivately(c))
            .SelectMany(e => Messages(transcript.Platform, e))
            .SelectMany(Paragraphs)
            .Where(p => p.Length >= 20)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var entry in transcript.Entries.Where(e => e.Public && e.Step > 0 && TranscriptScenario.RepliesPrivately(TranscriptScenario.Steps[e.Step - 1])))
            yield return $"private in public · {Where(entry)}: a reply meant for one person went to the channel";
        foreach (var entry in transcript.Entries.Where(e => e.Public))
        {
            foreach (var message in Messages(transcript.Platform, entry))
            {
                foreach (var marker in PrivateMarkers.Where(m => message.Contains(m, StringComparison.Ordinal)))
                    yield return $"private in public · {Where(entry)}: \"{marker}\"";
                foreach (var paragraph in Paragraphs(message).Where(p => secrets.Any(secret => p.Contains(secret, StringComparison.Ordinal))))
                    yield return $"private in public · {Where(entry)}: \"{paragraph}\"";
            }
        }
    }

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"^([-*•]|\d+[.)])\s+")]
    private static partial Regex ListMarker();

    // Teams Markdown lists start with "-", "*" or a number; a "•" line is text and runs into the one before.
    [GeneratedRegex(@"^([-*]|\d+[.)])\s+")]
    private static partial Regex TeamsListMarker();

    [GeneratedRegex(@"^\s*[-*•]\s+\d+[.)]\s")]
    private static partial Regex DoubleListMarker();

    [GeneratedRegex(@"[*_~`|\\]")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
