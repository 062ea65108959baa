using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cl37.Bot.Posts;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Transcripts;

/// <summary>Plays the scenario in the playground through its HTTP API, as the page does: each
/// response (the reply only the caller sees) and, from the channel's history after each step,
/// every message the channel got or saw change.</summary>
internal sealed class PlaygroundTranscriptDriver : IAsyncDisposable
{
    private const string Channel = "general";
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);
    private readonly List<long> _questions = [];
    private readonly Transcript _transcript = new("playground");
    private QuizApp _app = null!;
    private HttpClient _http = null!;

    public static async Task<Transcript> RunAsync()
    {
        await using var driver = new PlaygroundTranscriptDriver();
        driver._app = new QuizApp(TranscriptScenario.Decks(), new Dictionary<string, string?> { ["Playground:Enabled"] = "true", ["Urls"] = TranscriptScenario.Urls }, TranscriptScenario.Start);
        driver._http = driver._app.CreateClient();
        return await driver.PlayAsync();
    }

    private async Task<Transcript> PlayAsync()
    {
        for (var i = 0; i < TranscriptScenario.Steps.Count; i++)
        {
            var step = i + 1;
            switch (TranscriptScenario.Steps[i])
            {
                case TranscriptStep.Command c:
                    await SendAsync(step, "POST /playground/api/commands", "/playground/api/commands",
                        new { channel = Channel, text = c.Text, person = Person(c.Person) });
                    break;
                case TranscriptStep.Answer a:
                    await SendAsync(step, "POST /playground/api/answers", "/playground/api/answers",
                        new { channel = Channel, postId = _questions[a.Question - 1], values = a.Values, person = Person(a.Person) });
                    break;
                case TranscriptStep.FlushTallies:
                    await _app.Get<TallyPoster>().FlushAsync(CancellationToken.None);
                    await ChannelAsync(step);
                    break;
                case TranscriptStep.Wait w:
                    _app.Clock.Advance(TimeSpan.FromSeconds(w.Seconds));
                    break;
            }
        }
        return _transcript;
    }

    private static object Person(string name) => new { name, admin = name == TranscriptScenario.Admin };

    private async Task SendAsync(int step, string payload, string path, object request)
    {
        using var response = await _http.PostAsJsonAsync(path, request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Step {step}: {path} answered {(int)response.StatusCode}: {body}");
        await ChannelAsync(step);
        _transcript.Add(step, $"{payload} → {(int)response.StatusCode}", isPublic: false, body);
    }

    /// <summary>The channel's messages that are new or changed since the last look, oldest first.</summary>
    private async Task ChannelAsync(int step)
    {
        var history = JsonNode.Parse(await _http.GetStringAsync($"/playground/api/messages?channel={Channel}"))!;
        foreach (var message in history["messages"]!.AsArray().OfType<JsonObject>())
        {
            var id = message["id"]!.GetValue<string>();
            var json = message.ToJsonString();
            var isNew = !_seen.ContainsKey(id);
            if (!isNew && _seen[id] == json)
                continue;
            _seen[id] = json;
            _transcript.Add(step, isNew ? "channel message posted" : "channel message updated", isPublic: true, message);
            if (isNew && message["card"]?["kind"]?.GetValue<string>() == "question")
                _questions.Add(message["card"]!["postId"]!.GetValue<long>());
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
