using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Cl37.Bot.Chat;
using Cl37.Bot.Quiz;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Transcripts;

/// <summary>Plays the scenario in a Teams channel as the Teams client and Bot Connector would, in
/// local mode (no app id): activities into <c>/api/messages</c>, the app's sends, replies and
/// updates into the loopback Bot Connector. The transcript holds every activity the connector
/// received and every invoke response.</summary>
internal sealed class TeamsTranscriptDriver() : AdapterContract("teams")
{
    private const string TeamId = "19:team@thread.tacv2";
    private const string ChannelId = "19:quiz@thread.tacv2";
    private const string BotId = "28:quiz-bot";
    private const string BotName = "Quiz Bot";
    private static readonly TimeSpan RealLimit = TimeSpan.FromSeconds(20);
    private readonly List<JsonObject> _questions = [];
    private FakeTeamsConnector _connector = null!;
    private int _seen;
    private int _activities;

    protected override async Task<Dictionary<string, string?>> StartCounterpartAsync()
    {
        _connector = await FakeTeamsConnector.StartAsync();
        return new Dictionary<string, string?>
        {
            ["Teams:Enabled"] = "true",
            // The Bot Framework roster names no owners in local mode, so the tutor is an admin by setting.
            ["Quiz:Admins:0"] = "teams:" + Aad(TranscriptScenario.Admin),
        };
    }

    /// <summary>The tutor adds the app to the team; whatever the bot sends on install is the setup's.</summary>
    protected override async Task SetUpAsync()
    {
        var activity = Activity("installationUpdate", TranscriptScenario.Admin);
        activity["action"] = "add";
        await PostAsync(activity);
        var channel = new ChannelRef("teams", TeamId, ChannelId);
        await UntilAsync(async () => await App.Get<ChannelDirectory>().GetPlatformDataAsync(channel, CancellationToken.None) is not null, "the install to be stored");
        await QuietAsync();
        TakeConnectorCalls(0);
    }

    protected override async Task CommandAsync(int step, TranscriptStep.Command command)
    {
        if (command.File is { } file)
        {
            await FileInPersonalChatAsync(step, command.Person, file);
            return;
        }
        var activity = Activity("message", command.Person);
        var mention = $"<at>{BotName}</at>";
        activity["text"] = $"{mention} {command.Text}";
        activity["textFormat"] = "plain";
        activity["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = mention, ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName } });
        var id = activity["id"]!.GetValue<string>();
        var before = _connector.Calls.Count;
        await PostAsync(activity);
        await HandledAsync(id, before, step);
        var firstNew = Entries.Count;
        TakeConnectorCalls(step);
        foreach (var entry in Entries.Skip(firstNew))
        {
            if (entry.Body is JsonObject body && body["replyToId"] is null && TranscriptChecks.Cards(body).Any(c => AnswerActions(c).Any()))
                _questions.Add(TranscriptChecks.Cards(body).Single());
        }
    }

    protected override async Task AnswerAsync(int step, TranscriptStep.Answer answer)
    {
        var card = _questions[answer.Question - 1];
        var actions = AnswerActions(card).ToList();
        var chosen = actions.FirstOrDefault(a => a["data"]?["value"]?.GetValue<string>() == answer.Values[0]) ?? actions[0];
        var data = (JsonObject)chosen["data"]!.DeepClone();
        if (data["value"] is null)
        {
            // Teams merges the card's inputs into the action's data; a multi-select arrives comma-separated.
            data["answer"] = string.Join(",", answer.Values);
        }
        var activity = Activity("invoke", answer.Person);
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["title"] = chosen["title"]!.DeepClone(), ["verb"] = chosen["verb"]!.DeepClone(), ["data"] = data },
            ["trigger"] = "manual",
        };
        var (status, body) = await PostAsync(activity);
        TakeConnectorCalls(step);
        Record(step, $"invoke response {status}", isPublic: false, body);
    }

    protected override Task TalliesSentAsync(int step)
    {
        TakeConnectorCalls(step);
        return Task.CompletedTask;
    }

    /// <summary>Bots get files only in the 1:1 chat: the person sends the file there on its own, as a
    /// file.download.info attachment whose downloadUrl the connector's host serves.</summary>
    private async Task FileInPersonalChatAsync(int step, string person, TranscriptFile file)
    {
        var path = $"/personal/{Aad(person)}/Documents/{file.Name}";
        _connector.Files[path] = file.Bytes;
        var activity = Activity("message", person);
        activity["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = "tenant-1", ["id"] = PersonalChat(person) };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } };
        activity["text"] = "";
        activity["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
            ["name"] = file.Name,
            ["content"] = new JsonObject
            {
                ["downloadUrl"] = _connector.BaseUri + path.TrimStart('/') + "?tempauth=v1.transcript",
                ["uniqueId"] = "1150d938-8870-4044-9f2c-5bbdeb1f0b35",
                ["fileType"] = Path.GetExtension(file.Name).TrimStart('.'),
            },
        });
        var before = _connector.Calls.Count;
        await PostAsync(activity);
        await HandledAsync(activity["id"]!.GetValue<string>(), before, step);
        TakeConnectorCalls(step);
    }

    private static string PersonalChat(string person) => "a:1:" + Aad(person) + "-chat";

    private static IEnumerable<JsonObject> AnswerActions(JsonObject card) =>
        (card["actions"] as JsonArray ?? []).OfType<JsonObject>().Where(a => a["type"]?.GetValue<string>() == "Action.Execute" && a["verb"]?.GetValue<string>() == "answer");

    private async Task<(int Status, string Body)> PostAsync(JsonObject activity)
    {
        using var response = await Http.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"/api/messages answered {(int)response.StatusCode} to {activity["type"]}: {body}");
        return ((int)response.StatusCode, body);
    }

    private void TakeConnectorCalls(int step)
    {
        var calls = _connector.Calls.ToArray();
        for (; _seen < calls.Length; _seen++)
        {
            var call = calls[_seen];
            // Roster look-ups carry nothing anyone reads.
            if (call.Method == "GET")
                continue;
            Record(step, $"{call.Method} {call.Path} → {call.Status}", IsChannel(call.Path), call.Body);
        }
    }

    /// <summary>Everything sent into the team's channel (or a thread of it) is seen by the whole team.</summary>
    private static bool IsChannel(string path) =>
        path.Contains(ChannelId, StringComparison.Ordinal) || path.Contains(Uri.EscapeDataString(ChannelId), StringComparison.Ordinal);

    private JsonObject Activity(string type, string person) => new()
    {
        ["type"] = type,
        ["id"] = "activity-in-" + (++_activities).ToString("D3", CultureInfo.InvariantCulture),
        ["timestamp"] = App.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        ["channelId"] = "msteams",
        ["serviceUrl"] = _connector.BaseUri.ToString(),
        ["from"] = new JsonObject { ["id"] = "29:" + Aad(person), ["name"] = person, ["aadObjectId"] = Aad(person) },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["conversation"] = new JsonObject { ["conversationType"] = "channel", ["tenantId"] = "tenant-1", ["isGroup"] = true, ["id"] = ChannelId },
        ["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = TeamId },
            ["channel"] = new JsonObject { ["id"] = ChannelId },
            ["tenant"] = new JsonObject { ["id"] = "tenant-1" },
        },
    };

    private static string Aad(string person) => "aad-" + person.ToLowerInvariant();

    /// <summary>The reply to a command is the last thing its handling sends: in the command's thread,
    /// or in the person's 1:1 chat. A command answered neither way counts as handled once the
    /// connector has been quiet for a second.</summary>
    private async Task HandledAsync(string activityId, int before, int step)
    {
        using var limit = new CancellationTokenSource(RealLimit);
        var count = _connector.Calls.Count;
        var quietSince = DateTime.UtcNow;
        while (!_connector.Calls.Skip(before).Any(c => c.Method == "POST"
            && (c.Path.EndsWith("/activities/" + activityId, StringComparison.Ordinal) || (c.Path.EndsWith("/activities", StringComparison.Ordinal) && !IsChannel(c.Path)))))
        {
            if (limit.IsCancellationRequested)
                throw new TimeoutException($"Timed out after {RealLimit.TotalSeconds} s waiting for step {step} to be handled.");
            if (_connector.Calls.Count != count)
            {
                count = _connector.Calls.Count;
                quietSince = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - quietSince > TimeSpan.FromSeconds(1))
            {
                return;
            }
            await Task.Delay(10);
        }
    }

    private async Task QuietAsync()
    {
        var count = _connector.Calls.Count;
        var quietSince = DateTime.UtcNow;
        while (DateTime.UtcNow - quietSince < TimeSpan.FromMilliseconds(300))
        {
            await Task.Delay(20);
            if (_connector.Calls.Count != count)
            {
                count = _connector.Calls.Count;
                quietSince = DateTime.UtcNow;
            }
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        using var limit = new CancellationTokenSource(RealLimit);
        while (!await condition())
        {
            if (limit.IsCancellationRequested)
                throw new TimeoutException($"Timed out after {RealLimit.TotalSeconds} s waiting for {what}.");
            await Task.Delay(10);
        }
    }

    protected override async ValueTask StopCounterpartAsync()
    {
        if (_connector is not null)
            await _connector.DisposeAsync();
    }
}
