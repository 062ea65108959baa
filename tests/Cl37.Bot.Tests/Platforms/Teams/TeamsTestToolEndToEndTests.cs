using System.Net;
using System.Text.Json.Nodes;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Quiz;
using Cl37.Bot.Tests.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit.Abstractions;

namespace Cl37.Bot.Tests.Platforms.Teams;

/// <summary>The whole bot on Kestrel (127.0.0.1) in local mode, driven by Microsoft's Teams App
/// Test Tool exactly as a Teams client would: install, typed commands with the @mention, a posted
/// question answered by three different people, the tally and the reveal.</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class TeamsTestToolEndToEndTests(ITestOutputHelper output)
{
    private const string BotId = "00000000-0000-0000-0000-00000000000011";
    private const string Team = "team-id";
    private const string AlexAad = "00000000-0000-0000-0000-0000000000020";

    [TestToolFact]
    public async Task TestTool_InstallCalcQuizAnswersAndReveal_WorkEndToEnd()
    {
        await using var app = new TeamsBotApp();
        var botPort = TestToolProcess.FreePort();
        app.UseKestrel(k => k.Listen(IPAddress.Loopback, botPort));
        app.StartServer();
        await using var tool = await TestToolProcess.StartAsync($"http://127.0.0.1:{botPort}/api/messages");

        // Install in the team: installationUpdate + conversationUpdate store the conversation reference.
        await tool.PostAsync($"/_debug/conversation/{Team}/installation", new JsonObject());
        var directory = app.Services.GetRequiredService<ChannelDirectory>();
        var channel = new ChannelRef("teams", Team, Team);
        var reference = await Eventually(() => directory.GetPlatformDataAsync(channel, CancellationToken.None), "the stored conversation reference");
        Assert.Contains("\"serviceUrl\":\"http://localhost:", reference);
        Assert.Contains($"\"botId\":\"{BotId}\"", reference);
        var welcome = await tool.WaitForAsync(m => IsBotMessage(m) && Text(m).Contains("To start", StringComparison.Ordinal), "the welcome");
        Assert.Equal(Team, (string?)welcome["actionConversationId"]);

        // A typed command with the bot's @mention, answered in the thread.
        await Say(tool, "calc servers 200 50");
        var calc = await tool.WaitForAsync(m => IsBotMessage(m) && Text(m).Contains("Servers needed", StringComparison.Ordinal), "the calc answer");
        Assert.Contains("200 / 50 = 4", Text(calc));
        Assert.Contains("server instances", Text(calc));

        // quiz now (Alex is a configured admin) posts a question card to the channel.
        await Say(tool, "quiz now");
        var posted = await tool.WaitForAsync(m => IsBotMessage(m) && Card(m) is { } c && c["actions"] is not null, "the question card");
        var cardMessageId = (string)Message(posted)!["messageId"]!;
        var card = Card(posted)!;
        var cardConversation = (string?)Message(posted)!["conversationId"] ?? $"{Team};messageid={cardMessageId}";

        // Three different people answer with Action.Execute; each gets a private card back.
        string[] people = ["user-id-1", "user-id-2", "user-id-3"];
        var feedback = new List<string>();
        for (var i = 0; i < people.Length; i++)
        {
            var person = people[i];
            var invokeResponse = await tool.PostAsync("/_conversation/v1/invoke", new JsonObject
            {
                ["name"] = "adaptiveCard/action",
                ["value"] = new JsonObject { ["action"] = ExecuteAnswer(card, i) },
                ["from"] = new JsonObject { ["id"] = person },
                ["conversation"] = new JsonObject { ["id"] = cardConversation },
                ["replyToId"] = cardMessageId,
            });
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)invokeResponse!["type"]);
            feedback.Add(invokeResponse["value"]!.ToJsonString());
        }
        foreach (var f in feedback)
            output.WriteLine("private feedback: " + f);
        Assert.All(feedback, f => Assert.Contains("Answer recorded", f));
        Assert.All(feedback, f => Assert.DoesNotContain("already answered", f, StringComparison.OrdinalIgnoreCase));

        // The public card is updated (PUT) with the tally, and it lists the three answerers for
        // personal views, so the update does not take their feedback away.
        var tallied = await tool.WaitForAsync(m => IsUpdateOf(m, cardMessageId) && Card(m)!.ToJsonString().Contains("3 answered", StringComparison.Ordinal), "the tally update to 3 answered");
        var refresh = Card(tallied)!["refresh"]!;
        Assert.Equal(people, refresh["userIds"]!.AsArray().Select(u => (string?)u));

        // What a Teams client does for each listed person whenever it draws the updated card: the
        // automatic refresh invoke. Each answerer sees their own answer again, not the bare question.
        foreach (var (person, clicked) in people.Zip(feedback))
        {
            var view = await tool.PostAsync("/_conversation/v1/invoke", new JsonObject
            {
                ["name"] = "adaptiveCard/action",
                ["value"] = new JsonObject { ["action"] = refresh["action"]!.DeepClone(), ["trigger"] = "automatic" },
                ["from"] = new JsonObject { ["id"] = person },
                ["conversation"] = new JsonObject { ["id"] = cardConversation },
                ["replyToId"] = cardMessageId,
            });
            output.WriteLine($"personal view of {person}: {view!.ToJsonString()}");
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)view["type"]);
            var viewJson = view["value"]!.ToJsonString();
            // The whole card (question, live tally) with their feedback worded as their click's was.
            Assert.Equal(FeedbackBlock(clicked), FeedbackBlock(viewJson));
            Assert.Equal((string?)card["body"]![0]!["text"], (string?)view["value"]!["body"]![0]!["text"]);
            Assert.Contains("3 answered", viewJson, StringComparison.Ordinal);
            Assert.DoesNotContain("\"actions\"", viewJson);
        }

        // The reveal posts with the counts.
        await Say(tool, "quiz reveal");
        var reveal = await tool.WaitForAsync(m => IsBotMessage(m) && Card(m)?.ToJsonString().Contains("Correct answer", StringComparison.Ordinal) == true, "the reveal card");
        output.WriteLine("reveal: " + Card(reveal)!.ToJsonString());
        foreach (var item in tool.Stream)
            output.WriteLine("stream: " + item.ToJsonString());
        var revealJson = Card(reveal)!.ToJsonString();
        // The reveal answers in the question's thread; the admin's confirmations stay out of the channel.
        Assert.Equal($"{Team};messageid={cardMessageId}", (string?)reveal["actionConversationId"]);
        Assert.DoesNotContain(tool.Stream, m => IsBotMessage(m) && ((string?)m["actionConversationId"])?.StartsWith(Team, StringComparison.Ordinal) == true
            && Text(m).Contains("Posted", StringComparison.Ordinal));
        Assert.Contains(tool.Stream, m => IsBotMessage(m) && Text(m).Contains("Posted", StringComparison.Ordinal));
        Assert.Contains("of 3 correct", revealJson);
        if (card["actions"]!.AsArray().Count >= 3)
            Assert.Equal(3, Card(reveal)!["body"]!.AsArray().Count(b => ((string?)b!["text"])?.EndsWith("— 1 (33%)", StringComparison.Ordinal) == true)); // one person per button
    }

    private static string FeedbackBlock(string cardJson) =>
        JsonNode.Parse(cardJson)!["body"]!.AsArray().Select(b => (string?)b!["text"] ?? "").Single(t => t.StartsWith("Answer recorded", StringComparison.Ordinal));

    private static Task<JsonNode?> Say(TestToolProcess tool, string text) => tool.PostAsync($"/_conversation/v1/conversations/{Team}/messages", new JsonObject
    {
        ["from"] = new JsonObject { ["id"] = "user-id-0" },
        ["text"] = $"<at>Test Bot</at> {text}",
        ["textFormat"] = "plain",
        ["mentions"] = new JsonArray(new JsonObject { ["mentioned"] = new JsonObject { ["id"] = BotId }, ["text"] = "<at>Test Bot</at>" }),
    });

    // Answers the way person n would: the n-th button, the n-th box ticked, or "4" typed.
    private static JsonObject ExecuteAnswer(JsonNode card, int n)
    {
        var actions = card["actions"]!.AsArray();
        var action = actions[n % actions.Count]!.DeepClone().AsObject();
        var data = action["data"]!.AsObject();
        if (data["value"] is null)
        {
            var input = card["body"]!.AsArray().FirstOrDefault(b => ((string?)b!["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true)!;
            data["answer"] = (string?)input["type"] == "Input.ChoiceSet" ? (string?)input["choices"]![n % input["choices"]!.AsArray().Count]!["value"] : "4";
        }
        return new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string?)action["verb"], ["title"] = (string?)action["title"], ["data"] = data.DeepClone() };
    }

    private static JsonNode? Message(JsonNode item) => item["message"] ?? item["data"]?["message"];

    private static bool IsBotMessage(JsonNode item) =>
        (string?)item["action"] == "createMessage" && (string?)Message(item)?["from"]?["id"] == BotId;

    private static bool IsUpdateOf(JsonNode item, string messageId) =>
        (string?)item["action"] == "updateMessage" && (string?)Message(item)?["messageId"] == messageId && Card(item) is not null;

    private static string Text(JsonNode item) => Message(item)?.ToJsonString() ?? "";

    private static JsonNode? Card(JsonNode item) =>
        Message(item)?["attachments"]?.AsArray().Select(a => a?["content"]).FirstOrDefault(c => (string?)c?["type"] == "AdaptiveCard");

    private static async Task<T> Eventually<T>(Func<Task<T?>> probe, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
                return value;
            await Task.Delay(50);
        }
        throw new TimeoutException("Timed out waiting for " + what);
    }

    /// <summary>The real app with Teams on in local mode, a fresh SQLite file, the test deck and a fast tally.</summary>
    private sealed class TeamsBotApp : WebApplicationFactory<Program>
    {
        private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"cl37-teams-e2e-{Guid.NewGuid():N}.db");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:ConnectionString", $"Data Source={_dbPath}");
            builder.UseSetting("Teams:Enabled", "true");
            // The test binds Kestrel in code; the default Urls (localhost:5080) would be checked at
            // start, and another program holding that port would end the app before it starts.
            builder.UseSetting("Urls", "http://127.0.0.1:0");
            builder.UseSetting("Quiz:Admins:0", "teams:" + AlexAad);
            builder.UseSetting("Quiz:TallyUpdateSeconds", "0.2");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<DeckLibrary>();
                services.AddSingleton(TestDeck.Library());
            });
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            SqliteFiles.Delete(_dbPath);
        }
    }
}
