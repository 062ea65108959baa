using System.Text.Json.Nodes;
using Cl37.Bot.Tests.Fakes;
using Cl37.Bot.Tests.Transcripts;
using Microsoft.EntityFrameworkCore;
using static Cl37.Bot.Tests.Platforms.Teams.TeamsAppSession;

namespace Cl37.Bot.Tests.Platforms.Teams;

/// <summary>Whole flows in Teams as the people in them see them: activities shaped as Teams sends
/// them into the app, and the cards and messages the loopback Bot Connector receives.</summary>
public sealed class TeamsWhatPeopleSeeTests
{
    [Fact]
    public async Task HandleInvokeAsync_PracticeAskedInChannelAnsweredInPersonalChat_RecordsThePracticeAnswer()
    {
        await using var teams = await StartAsync(TestDeck.OneQuestion());
        await teams.PostAsync(Mentioning(teams.InChannel("message", "Ann"), "quiz practice"));
        var sent = await teams.WaitForAsync(c => c.Method == "POST" && c.Path.EndsWith("/activities", StringComparison.Ordinal) && c.Body.Contains("attachments", StringComparison.Ordinal), "the practice card");
        Assert.False(IsChannel(sent), "the practice card goes to Ann's 1:1 chat, not the channel");
        var chatId = JsonNode.Parse(sent.Body)!["conversation"]!["id"]!.GetValue<string>();

        var answered = await teams.InvokeAsync(Click(teams.InPersonalChat("invoke", "Ann", chatId), CardOf(sent), "B"));

        var texts = Texts(answered);
        Assert.Contains(texts, t => t.StartsWith("Practice answer recorded: **B** (not scored).", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("can't find", StringComparison.Ordinal));
        await using var db = teams.App.Db();
        Assert.True(await db.Answers.AnyAsync(a => a.Practice && a.Response == "B"));
    }

    [Theory]
    [InlineData("installationUpdate")]
    [InlineData("conversationUpdate")]
    public async Task HandleAsync_AppRemovedFromTeamAndAddedBack_PausesAndResumesEveryChannelsSchedule(string shape)
    {
        await using var teams = await StartAsync(TestDeck.OneQuestion());
        await teams.PostAsync(Membership(teams, shape, added: true));
        await teams.PostAsync(Mentioning(teams.InChannel("message", Admin), "quiz schedule set 09:00"));
        await UntilAsync(async () => (await ScheduleAsync(teams))?.Enabled == true, "the schedule in the quiz channel");

        await teams.PostAsync(Membership(teams, shape, added: false));
        await UntilAsync(async () => (await ScheduleAsync(teams))?.Enabled == false, "the removal to pause the quiz channel");

        var paused = await ScheduleAsync(teams);
        Assert.NotNull(paused!.PausedByRemovalUtc);
        Assert.Null(paused.PlatformData);

        await teams.PostAsync(Membership(teams, shape, added: true));
        await UntilAsync(async () => (await ScheduleAsync(teams))?.Enabled == true, "adding the app back to resume the quiz channel");
        var resumed = await ScheduleAsync(teams);
        Assert.Null(resumed!.PausedByRemovalUtc);
        Assert.Contains($"\"{QuizChannel}\"", resumed.PlatformData, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleInvokeAsync_TypedAnswerRefused_KeepsTheCardWithItsInputAndSaysWhatIsWrong()
    {
        await using var teams = await StartAsync(TranscriptScenario.Decks());
        var card = await PostQuestionAsync(teams, "numeric");

        var refused = await teams.InvokeAsync(Click(teams.InChannel("invoke", "Ann"), card, "three"));

        var body = refused["body"]!.AsArray();
        Assert.Equal(Texts(card)[0], Texts(refused)[0]);
        Assert.Contains(Texts(card)[1], Texts(refused));
        var input = Assert.Single(body, b => b!["type"]!.GetValue<string>() == "Input.Text")!;
        Assert.Equal("Your answer", input["label"]!.GetValue<string>());
        Assert.Contains(refused["actions"]!.AsArray(), a => a!["verb"]!.GetValue<string>() == "answer");
        var problem = Assert.Single(body, b => b!["color"]?.GetValue<string>() == "Attention")!;
        Assert.Equal("`three` has no number in it; type something like `42 servers`.", problem["text"]!.GetValue<string>());
        await using var db = teams.App.Db();
        Assert.False(await db.Answers.AnyAsync());
    }

    [Fact]
    public async Task HandleInvokeAsync_RefreshAfterAPartlyRightPick_ShowsTheQuestionTallyAndTheClicksOwnFeedback()
    {
        await using var teams = await StartAsync(TranscriptScenario.Decks());
        var card = await PostQuestionAsync(teams, "multi");

        var clicked = await teams.InvokeAsync(Click(teams.InChannel("invoke", "Ann"), card, "A,B,D"));
        var refreshed = await teams.InvokeAsync(Refresh(teams.InChannel("invoke", "Ann"), card));

        var feedback = Assert.Single(Texts(clicked), t => t.StartsWith("Answer recorded", StringComparison.Ordinal));
        Assert.Contains("🟡 2 of 3 right options, 1 wrong pick: 3.33 points.", feedback, StringComparison.Ordinal);
        Assert.Equal(Texts(clicked), Texts(refreshed));
        Assert.Equal(Texts(card)[0], Texts(refreshed)[0]);
        Assert.Contains(Texts(card)[1], Texts(refreshed));
        Assert.Contains(Texts(refreshed), t => t.StartsWith("1 answered", StringComparison.Ordinal));
        Assert.Null(refreshed["actions"]);
    }

    [Fact]
    public async Task HandleAsync_NonAdminInGroupChat_IsToldWhoTheAdminsAreThere()
    {
        await using var teams = await StartAsync(TestDeck.OneQuestion());

        await teams.PostAsync(Mentioning(teams.InGroupChat("message", "Ben"), "quiz reveal"));

        var refusal = await teams.WaitForAsync(c => c.Method == "POST" && c.Body.Contains("Only admins", StringComparison.Ordinal), "the refusal");
        var text = JsonNode.Parse(refusal.Body)!["text"]!.GetValue<string>();
        Assert.Contains("This Teams chat is not part of a team, so it has no owners", text, StringComparison.Ordinal);
        Assert.DoesNotContain("team's owners", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_FormulasInTeams_ShowsItsBulletsAsATeamsList()
    {
        await using var teams = await StartAsync(Cl37.Bot.Content.DeckLoader.Load(Path.Combine(Cl37.Bot.Tests.Decks.DeckFiles.RepoRoot, "content")));

        await teams.PostAsync(Mentioning(teams.InPersonalChat("message", "Ann", "a:ann-chat"), "formulas"));

        var reply = await teams.WaitForAsync(c => c.Method == "POST" && (c.Path.Contains("a%3Aann-chat", StringComparison.Ordinal) || c.Path.Contains("a:ann-chat", StringComparison.Ordinal)), "the formulas");
        var json = JsonNode.Parse(reply.Body)!;
        var shown = json["text"]?.GetValue<string>() ?? string.Join("\n\n", Texts(CardOf(reply)));
        Assert.DoesNotContain("•", shown, StringComparison.Ordinal);
        Assert.Contains("\n- ", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_HtmlWrappedCommand_RunsTheCommand()
    {
        await using var teams = await StartAsync(TestDeck.OneQuestion());
        var message = Mentioning(teams.InChannel("message", Admin), "quiz now");
        message["text"] = "<p><at>Quiz Bot</at>&nbsp;quiz now</p>";
        message["textFormat"] = "xml";

        await teams.PostAsync(message);

        var posted = await teams.WaitForAsync(c => c.Method == "POST" && IsChannel(c) && c.Body.Contains("attachments", StringComparison.Ordinal), "the question");
        Assert.Equal("MCQ 1 · single choice · serialization", Texts(CardOf(posted))[0]);
    }

    private static async Task<JsonObject> PostQuestionAsync(TeamsAppSession teams, string deck)
    {
        await teams.PostAsync(Mentioning(teams.InChannel("message", Admin), "quiz now deck:" + deck));
        var posted = await teams.WaitForAsync(c => c.Method == "POST" && IsChannel(c) && c.Body.Contains("attachments", StringComparison.Ordinal), "the question");
        return CardOf(posted);
    }

    private static bool IsChannel(Fakes.FakeTeamsConnector.Call call) =>
        call.Path.Contains(Uri.EscapeDataString(QuizChannel), StringComparison.Ordinal) || call.Path.Contains(QuizChannel, StringComparison.Ordinal);

    /// <summary>The app added to or removed from the team, announced on its General channel in either shape Teams uses.</summary>
    private static JsonObject Membership(TeamsAppSession teams, string shape, bool added)
    {
        var activity = teams.InChannel(shape, Admin, General);
        if (shape == "installationUpdate")
        {
            activity["action"] = added ? "add" : "remove";
            return activity;
        }
        activity[added ? "membersAdded" : "membersRemoved"] = new JsonArray(new JsonObject { ["id"] = BotId });
        activity["channelData"]!["eventType"] = added ? "teamMemberAdded" : "teamMemberRemoved";
        return activity;
    }

    private sealed record QuizChannelSchedule(bool Enabled, DateTime? PausedByRemovalUtc, string? PlatformData);

    private static async Task<QuizChannelSchedule?> ScheduleAsync(TeamsAppSession teams)
    {
        await using var db = teams.App.Db();
        return await (from s in db.Schedules
                      join c in db.Channels on s.ChannelId equals c.Id
                      where c.ExternalId == QuizChannel
                      select new QuizChannelSchedule(s.Enabled, s.PausedByRemovalUtc, c.PlatformData)).AsNoTracking().FirstOrDefaultAsync();
    }
}
