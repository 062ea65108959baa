using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Cl37.Bot.Content;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Platforms.Teams;

/// <summary>The whole app with Teams on (local mode, no app id) against the loopback Bot Connector:
/// activities shaped as Teams sends them go into <c>/api/messages</c>, and what the bot sends is
/// read off the connector.</summary>
internal sealed class TeamsAppSession : IAsyncDisposable
{
    public const string TeamId = "19:team@thread.tacv2";
    public const string General = TeamId;
    public const string QuizChannel = "19:quiz@thread.tacv2";
    public const string GroupChat = "19:study-group@thread.v2";
    public const string BotId = "28:quiz-bot";
    public const string BotName = "Quiz Bot";
    public const string Admin = "Tutor";
    private static readonly TimeSpan RealLimit = TimeSpan.FromSeconds(20);
    private HttpClient _http = null!;
    private int _activities;

    private TeamsAppSession()
    {
    }

    public FakeTeamsConnector Connector { get; private set; } = null!;

    public QuizApp App { get; private set; } = null!;

    public static async Task<TeamsAppSession> StartAsync(DeckLibrary? decks = null)
    {
        var session = new TeamsAppSession { Connector = await FakeTeamsConnector.StartAsync() };
        session.App = new QuizApp(decks, new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Teams:Enabled"] = "true",
            ["Quiz:Admins:0"] = "teams:" + Aad(Admin),
        });
        session._http = session.App.CreateClient();
        return session;
    }

    public static string Aad(string person) => "aad-" + person.ToLowerInvariant();

    /// <summary>An activity in a channel of the team (its General channel is the team's own id).</summary>
    public JsonObject InChannel(string type, string person, string channelId = QuizChannel) => Activity(type, person,
        new JsonObject { ["conversationType"] = "channel", ["tenantId"] = "tenant-1", ["isGroup"] = true, ["id"] = channelId },
        new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Cl37 study group" },
            ["channel"] = new JsonObject { ["id"] = channelId },
            ["tenant"] = new JsonObject { ["id"] = "tenant-1" },
        });

    /// <summary>An activity in a group chat, which belongs to no team.</summary>
    public JsonObject InGroupChat(string type, string person) => Activity(type, person,
        new JsonObject { ["conversationType"] = "groupChat", ["tenantId"] = "tenant-1", ["isGroup"] = true, ["id"] = GroupChat },
        new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } });

    /// <summary>An activity in the person's 1:1 chat with the bot.</summary>
    public JsonObject InPersonalChat(string type, string person, string conversationId) => Activity(type, person,
        new JsonObject { ["conversationType"] = "personal", ["tenantId"] = "tenant-1", ["id"] = conversationId },
        new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } });

    /// <summary>A typed message that @mentions the bot, as the Teams client sends it.</summary>
    public static JsonObject Mentioning(JsonObject message, string text)
    {
        var mention = $"<at>{BotName}</at>";
        message["text"] = $"{mention} {text}";
        message["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = mention, ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName } });
        return message;
    }

    /// <summary>The Action.Execute of a card's answer button (or its submit button with the typed value), as Teams invokes it.</summary>
    public static JsonObject Click(JsonObject invoke, JsonObject card, string value)
    {
        var actions = (card["actions"] as JsonArray ?? []).OfType<JsonObject>().Where(a => a["verb"]?.GetValue<string>() == "answer").ToList();
        var chosen = actions.FirstOrDefault(a => a["data"]?["value"]?.GetValue<string>() == value) ?? actions[0];
        var data = (JsonObject)chosen["data"]!.DeepClone();
        if (data["value"] is null)
            data["answer"] = value;
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["title"] = chosen["title"]!.DeepClone(), ["verb"] = "answer", ["data"] = data },
            ["trigger"] = "manual",
        };
        return invoke;
    }

    /// <summary>Teams' automatic refresh of a card for a person it lists.</summary>
    public static JsonObject Refresh(JsonObject invoke, JsonObject card)
    {
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject { ["action"] = card["refresh"]!["action"]!.DeepClone(), ["trigger"] = "automatic" };
        return invoke;
    }

    public async Task<(int Status, JsonNode? Body)> PostAsync(JsonObject activity)
    {
        using var response = await _http.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"/api/messages answered {(int)response.StatusCode} to {activity["type"]}: {body}");
        return ((int)response.StatusCode, body.Length == 0 ? null : JsonNode.Parse(body));
    }

    /// <summary>The invoke response's card.</summary>
    public async Task<JsonObject> InvokeAsync(JsonObject invoke)
    {
        var (_, body) = await PostAsync(invoke);
        return body!["value"]!.AsObject();
    }

    /// <summary>Waits (in real time: the inbox handles messages after answering 200) for a connector call.</summary>
    public async Task<FakeTeamsConnector.Call> WaitForAsync(Func<FakeTeamsConnector.Call, bool> match, string what)
    {
        using var limit = new CancellationTokenSource(RealLimit);
        while (true)
        {
            if (Connector.Calls.FirstOrDefault(match) is { } call)
                return call;
            if (limit.IsCancellationRequested)
                throw new TimeoutException($"Timed out waiting for {what}; the connector saw: {string.Join(" | ", Connector.Calls.Select(c => c.Method + " " + c.Path))}");
            await Task.Delay(10);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        using var limit = new CancellationTokenSource(RealLimit);
        while (!await condition())
        {
            if (limit.IsCancellationRequested)
                throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(10);
        }
    }

    /// <summary>The Adaptive Card a connector call carried.</summary>
    public static JsonObject CardOf(FakeTeamsConnector.Call call) => JsonNode.Parse(call.Body)!["attachments"]![0]!["content"]!.AsObject();

    /// <summary>Every TextBlock text of a card, in order.</summary>
    public static List<string> Texts(JsonNode card) => card["body"]!.AsArray()
        .Where(b => b?["type"]?.GetValue<string>() == "TextBlock").Select(b => b!["text"]!.GetValue<string>()).ToList();

    private JsonObject Activity(string type, string person, JsonObject conversation, JsonObject channelData) => new()
    {
        ["type"] = type,
        ["id"] = "activity-in-" + (++_activities).ToString("D3", CultureInfo.InvariantCulture),
        ["timestamp"] = App.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        ["channelId"] = "msteams",
        ["serviceUrl"] = Connector.BaseUri.ToString(),
        ["from"] = new JsonObject { ["id"] = "29:" + Aad(person), ["name"] = person, ["aadObjectId"] = Aad(person) },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["conversation"] = conversation,
        ["channelData"] = channelData,
    };

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (App is not null)
            await App.DisposeAsync();
        if (Connector is not null)
            await Connector.DisposeAsync();
    }
}
