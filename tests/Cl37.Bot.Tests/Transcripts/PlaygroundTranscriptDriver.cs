using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Cl37.Bot.Tests.Transcripts;

/// <summary>Plays the scenario in the playground through its HTTP API, as the page does: each
/// response (the reply only the caller sees) and, from the channel's history after each step,
/// every message the channel got or saw change.</summary>
internal sealed class PlaygroundTranscriptDriver() : AdapterContract("playground")
{
    private const string Channel = "general";
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);
    private readonly List<long> _questions = [];

    protected override Task<Dictionary<string, string?>> StartCounterpartAsync() =>
        Task.FromResult(new Dictionary<string, string?> { ["Playground:Enabled"] = "true" });

    protected override Task CommandAsync(int step, TranscriptStep.Command command) => command.File is { } file
        ? SendAsync(step, "POST /playground/api/commands/file", "/playground/api/commands/file",
            new { channel = Channel, text = command.Text, person = Person(command.Person), file = new { name = file.Name, mediaType = "text/plain", contentBase64 = Convert.ToBase64String(file.Bytes) } })
        : SendAsync(step, "POST /playground/api/commands", "/playground/api/commands",
            new { channel = Channel, text = command.Text, person = Person(command.Person) });

    protected override Task AnswerAsync(int step, TranscriptStep.Answer answer) =>
        SendAsync(step, "POST /playground/api/answers", "/playground/api/answers",
            new { channel = Channel, postId = _questions[answer.Question - 1], values = answer.Values, person = Person(answer.Person) });

    protected override Task TalliesSentAsync(int step) => ChannelAsync(step);

    private static object Person(string name) => new { name, admin = name == TranscriptScenario.Admin };

    private async Task SendAsync(int step, string payload, string path, object request)
    {
        using var response = await Http.PostAsJsonAsync(path, request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Step {step}: {path} answered {(int)response.StatusCode}: {body}");
        await ChannelAsync(step);
        Record(step, $"{payload} → {(int)response.StatusCode}", isPublic: false, body);
    }

    /// <summary>The channel's messages that are new or changed since the last look, oldest first.</summary>
    private async Task ChannelAsync(int step)
    {
        var history = JsonNode.Parse(await Http.GetStringAsync($"/playground/api/messages?channel={Channel}"))!;
        foreach (var message in history["messages"]!.AsArray().OfType<JsonObject>())
        {
            var id = message["id"]!.GetValue<string>();
            var json = message.ToJsonString();
            var isNew = !_seen.ContainsKey(id);
            if (!isNew && _seen[id] == json)
                continue;
            _seen[id] = json;
            Record(step, isNew ? "channel message posted" : "channel message updated", isPublic: true, message);
            if (isNew && message["card"]?["kind"]?.GetValue<string>() == "question")
                _questions.Add(message["card"]!["postId"]!.GetValue<long>());
        }
    }
}
