using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cl37.Bot.Tests.Transcripts;

/// <summary>Every outbound payload of one platform's run of <see cref="TranscriptScenario"/>, in order.</summary>
internal sealed class Transcript(string platform)
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Emoji and typographic quotes stay readable in the golden file and in its diffs.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly List<TranscriptEntry> _entries = [];

    public string Platform { get; } = platform;

    public IReadOnlyList<TranscriptEntry> Entries => _entries;

    public void Add(int step, string payload, bool isPublic, JsonNode? body) =>
        _entries.Add(new TranscriptEntry(step, Describe(step), payload, isPublic, body?.DeepClone()));

    public static string Describe(int step) => step == 0 ? "setup" : $"{step}. {TranscriptScenario.Steps[step - 1]}";

    /// <summary>The transcript as the golden file keeps it: indented JSON, "\n" line ends, scrubbed.</summary>
    public string ToJson()
    {
        var root = new JsonObject
        {
            ["platform"] = Platform,
            ["entries"] = new JsonArray([.. _entries.Select(e => (JsonNode)new JsonObject
            {
                ["action"] = e.Action,
                ["payload"] = e.Payload,
                ["audience"] = e.Public ? "channel" : "person",
                ["body"] = e.Body?.DeepClone(),
            })]),
        };
        return TranscriptScrubber.Scrub(root.ToJsonString(Indented)).ReplaceLineEndings("\n") + "\n";
    }
}
