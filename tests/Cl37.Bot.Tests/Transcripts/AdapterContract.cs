using System.Text.Json.Nodes;
using Cl37.Bot.Posts;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Transcripts;

/// <summary>The contract every adapter passes: the whole app, this platform switched on against its
/// loopback counterpart, plays <see cref="TranscriptScenario"/> through the platform's own way in,
/// and every outbound payload a person could see is recorded. The step loop, the clock, the tally
/// flush and the transcript are the contract's; an adapter's driver says only how its platform
/// sends a command and an answer and where its payloads go out.</summary>
internal abstract class AdapterContract : IAsyncDisposable
{
    private readonly List<TranscriptEntry> _entries = [];

    protected AdapterContract(string platform) => Platform = platform;

    /// <summary>The name in the transcript and its golden file (<c>golden/&lt;platform&gt;.json</c>).</summary>
    public string Platform { get; }

    protected QuizApp App { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    /// <summary>What has been recorded so far, in the order it was recorded.</summary>
    protected IReadOnlyList<TranscriptEntry> Entries => _entries;

    /// <summary>Plays the scenario once on a fresh app and returns its transcript.</summary>
    public static async Task<Transcript> PlayAsync<TDriver>() where TDriver : AdapterContract, new()
    {
        await using var driver = new TDriver();
        return await driver.PlayAsync();
    }

    private async Task<Transcript> PlayAsync()
    {
        var settings = await StartCounterpartAsync();
        // The in-memory server never listens; its start-up check must not trip over a bot running on the default address.
        settings["Urls"] = TranscriptScenario.Urls;
        App = new QuizApp(TranscriptScenario.Decks(), settings, TranscriptScenario.Start);
        Http = App.CreateClient();
        await SetUpAsync();
        for (var i = 0; i < TranscriptScenario.Steps.Count; i++)
        {
            var step = i + 1;
            switch (TranscriptScenario.Steps[i])
            {
                case TranscriptStep.Command c:
                    await CommandAsync(step, c);
                    break;
                case TranscriptStep.Answer a:
                    await AnswerAsync(step, a);
                    break;
                case TranscriptStep.FlushTallies:
                    await App.Get<TallyPoster>().FlushAsync(CancellationToken.None);
                    await TalliesSentAsync(step);
                    break;
                case TranscriptStep.Wait w:
                    App.Clock.Advance(TimeSpan.FromSeconds(w.Seconds));
                    break;
            }
        }
        await SettledAsync();
        var transcript = new Transcript(Platform);
        // A payload that went out late (a Discord follow-up) is filed under the step that caused it.
        foreach (var entry in _entries.OrderBy(e => e.Step))
            transcript.Add(entry.Step, entry.Payload, entry.Public, entry.Body);
        return transcript;
    }

    /// <summary>Starts the platform's loopback counterpart and returns the app's settings that
    /// switch the adapter on and point it there.</summary>
    protected abstract Task<Dictionary<string, string?>> StartCounterpartAsync();

    /// <summary>What happens before the first step (installing the app); recorded as step 0, "setup".</summary>
    protected virtual Task SetUpAsync() => Task.CompletedTask;

    /// <summary>The person types the command (or picks it, on a platform with slash commands).</summary>
    protected abstract Task CommandAsync(int step, TranscriptStep.Command command);

    /// <summary>The person answers the n-th question posted, with the platform's own controls.</summary>
    protected abstract Task AnswerAsync(int step, TranscriptStep.Answer answer);

    /// <summary>Records what the tally flush just sent.</summary>
    protected abstract Task TalliesSentAsync(int step);

    /// <summary>Waits for whatever goes out after its step has been answered.</summary>
    protected virtual Task SettledAsync() => Task.CompletedTask;

    /// <summary>Records one outbound payload: the step that caused it, what it is, whether the
    /// channel sees it or only the person.</summary>
    protected void Record(int step, string payload, bool isPublic, JsonNode? body) =>
        _entries.Add(new TranscriptEntry(step, Transcript.Describe(step), payload, isPublic, body?.DeepClone()));

    protected void Record(int step, string payload, bool isPublic, string? json) =>
        Record(step, payload, isPublic, string.IsNullOrEmpty(json) ? null : JsonNode.Parse(json));

    /// <summary>Stops the loopback counterpart.</summary>
    protected virtual ValueTask StopCounterpartAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (App is not null)
            await App.DisposeAsync();
        await StopCounterpartAsync();
    }
}
