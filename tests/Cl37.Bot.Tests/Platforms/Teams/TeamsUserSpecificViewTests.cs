using System.Text.Json;
using System.Text.Json.Nodes;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Cl37.Bot.Messages;
using Cl37.Bot.Platforms.Teams.Kernel;
using Cl37.Bot.Platforms.Teams.Rendering;
using Cl37.Bot.Platforms.Teams.Wire;
using Cl37.Bot.Quiz;
using Cl37.Bot.Tests.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Platforms.Teams;

/// <summary>Universal Actions user-specific views: the shared question lists who answered, and
/// Teams' automatic refresh for them is answered with their own feedback.</summary>
public sealed class TeamsUserSpecificViewTests
{
    private const long PostId = 42;
    private static readonly ChannelRef Channel = new("teams", "19:team@thread.tacv2", "19:general@thread.tacv2");
    private readonly TeamsTestKit _kit = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)));

    private static OutgoingMessage Question(int answered) => new("Question", new QuestionCard(PostId, "q", "Question 1", "Pick one",
        AnswerInput.SingleChoice, [new CardOption("A", "a"), new CardOption("B", "b")], answered, null));

    private static Activity Invoke(string userId, string aad, JsonObject action, string trigger = "manual")
    {
        var invoke = TeamsActivityHandlerTests.Sample("invoke-adaptiveCard-action");
        invoke.From = new ChannelAccount { Id = userId, Name = userId, AadObjectId = aad };
        invoke.Conversation = new ConversationAccount { Id = "19:general@thread.tacv2;messageid=1700", ConversationType = "channel", TenantId = "tenant-1" };
        invoke.ChannelData = new TeamsChannelData { Team = new TeamInfo { Id = Channel.GroupId }, Channel = new IdName { Id = Channel.ChannelId } };
        invoke.Value = JsonSerializer.SerializeToElement(new JsonObject { ["action"] = action, ["trigger"] = trigger });
        return invoke;
    }

    private static JsonObject Answer(string key) => new()
    {
        ["type"] = "Action.Execute",
        ["verb"] = "answer",
        ["data"] = new JsonObject { ["cl37"] = "answer", ["post"] = PostId, ["value"] = key },
    };

    private async Task<JsonObject> RefreshActionOfUpdatedCardAsync()
    {
        await _kit.Store.SaveAsync(Channel, new TeamsConversationReference { ServiceUrl = "https://smba.trafficmanager.net/emea/", ConversationId = Channel.ChannelId, BotId = "28:bot" }, default);
        await _kit.Platform().UpdateAsync(Channel, "1700", Question(2), default);
        var put = JsonNode.Parse(_kit.Http.Requests.Last(r => r.Method == HttpMethod.Put).Body!)!;
        return put["attachments"]![0]!["content"]!["refresh"]!.AsObject();
    }

    [Fact]
    public async Task UpdateAsync_QuestionAfterTwoAnswers_ListsTheAnswerersForTheirOwnViews()
    {
        var handler = _kit.Handler();
        await handler.HandleInvokeAsync(Invoke("29:kim", "aad-kim", Answer("A")), default);
        await handler.HandleInvokeAsync(Invoke("29:lee", "aad-lee", Answer("B")), default);

        var refresh = await RefreshActionOfUpdatedCardAsync();

        Assert.Equal(
            """{"action":{"type":"Action.Execute","title":"Refresh","verb":"refresh","data":{"cl37":"refresh","post":42}},"userIds":["29:kim","29:lee"]}""",
            refresh.ToJsonString());
    }

    [Fact]
    public async Task PostAsync_NewQuestion_HasAnEmptyUserListSoTeamsDoesNotRefreshForEveryone()
    {
        await _kit.Store.SaveAsync(Channel, new TeamsConversationReference { ServiceUrl = "https://smba.trafficmanager.net/emea/", ConversationId = Channel.ChannelId, BotId = "28:bot" }, default);

        await _kit.Platform().PostAsync(Channel, Question(0), default);

        var card = JsonNode.Parse(Assert.Single(_kit.Http.Requests).Body!)!["attachments"]![0]!["content"]!;
        Assert.Equal("[]", card["refresh"]!["userIds"]!.ToJsonString());
    }

    [Fact]
    public async Task HandleInvokeAsync_AutomaticRefreshByAnAnswerer_ReturnsTheirStoredFeedback()
    {
        var handler = _kit.Handler();
        await handler.HandleInvokeAsync(Invoke("29:kim", "aad-kim", Answer("A")), default);
        _kit.Sink.Feedback[(PostId, "aad-kim")] = OutgoingMessage.PrivateText("Your answer: **A**.");
        var refresh = await RefreshActionOfUpdatedCardAsync();

        var result = await handler.HandleInvokeAsync(Invoke("29:kim", "aad-kim", refresh["action"]!.DeepClone().AsObject(), trigger: "automatic"), default);

        Assert.Equal(200, result.Status);
        Assert.Equal(AdaptiveCardRenderer.ContentType, result.Body!.Type);
        Assert.Equal("Your answer: **A**.", (string)result.Body.Value!["body"]![0]!["text"]!);
        Assert.Single(_kit.Sink.Answers); // a refresh records nothing
    }

    [Fact]
    public async Task HandleInvokeAsync_RefreshBySomeoneWhoHasNotAnswered_ReturnsTheSharedQuestion()
    {
        _kit.Sink.QuestionView = Question(3);
        var action = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "refresh", ["data"] = new JsonObject { ["cl37"] = "refresh", ["post"] = PostId } };

        var result = await _kit.Handler().HandleInvokeAsync(Invoke("29:ann", "aad-ann", action), default);

        Assert.Contains("3 answered", result.Body!.Value!.ToJsonString());
        Assert.Empty(_kit.Answerers.Of(PostId));
    }

    [Fact]
    public async Task HandleInvokeAsync_SixtyFirstAnswerer_AlsoGetsTheFeedbackInTheirPersonalChat()
    {
        var handler = _kit.Handler();
        for (var i = 0; i < TeamsAnswerers.MaxUserSpecificViews; i++)
            await handler.HandleInvokeAsync(Invoke($"29:p{i}", $"aad-p{i}", Answer("A")), default);
        Assert.Empty(_kit.Http.Requests);
        _kit.Http.Enqueue(System.Net.HttpStatusCode.Created, """{"id":"a:personal-chat"}""");

        var result = await handler.HandleInvokeAsync(Invoke("29:late", "aad-late", Answer("B")), default);

        Assert.Equal(TeamsAnswerers.MaxUserSpecificViews, _kit.Answerers.Of(PostId).Count);
        Assert.DoesNotContain("29:late", _kit.Answerers.Of(PostId));
        Assert.Contains("first 60 answerers", result.Body!.Value!.ToJsonString());
        Assert.Equal(2, _kit.Http.Requests.Count);
        Assert.Contains("\"members\":[{\"id\":\"29:late\"}]", _kit.Http.Requests[0].Body);
        Assert.EndsWith("/v3/conversations/a%3Apersonal-chat/activities", _kit.Http.Requests[1].Url, StringComparison.Ordinal);
        Assert.Contains("Recorded: B. Correct!", _kit.Http.Requests[1].Body);
    }

    [Fact]
    public async Task FeedbackAsync_StoredAnswer_IsThatPersonsOwnViewAndNobodyElses()
    {
        await using var app = new QuizApp(TestDeck.OneQuestion());
        var postId = await app.PostQuestionAsync();
        await app.AnswerAsync(postId, "kim", "B");
        var lookup = new AnswerLookup(app.Get<IDbContextFactory<BotDbContext>>(), app.Get<PostCache>(), app.Get<DeckLibrary>());

        var kimAnswer = await lookup.AnswerAsync(postId, QuizApp.Channel(), "kim", default);
        var lee = await lookup.AnswerAsync(postId, QuizApp.Channel(), "lee", default);
        var elsewhere = await lookup.AnswerAsync(postId, new ChannelRef("test", "other-group", "general"), "kim", default);

        Assert.NotNull(kimAnswer);
        var kim = AnswerReplies.Personal(kimAnswer);
        Assert.True(kim.Private);
        Assert.StartsWith("Answer recorded: **B**.\n\n✅ Correct: 10 points.", kim.Text, StringComparison.Ordinal);
        Assert.Contains("**Answer:**", kim.Text);
        var card = Assert.IsType<QuestionCard>(kim.Card);
        Assert.Equal(kim.Text, card.Feedback);
        Assert.Equal(1, card.AnsweredCount);
        Assert.Null(lee);
        Assert.Null(elsewhere);
        Assert.Equal(1, Assert.IsType<QuestionCard>(AnswerReplies.Shared((await lookup.PostAsync(postId, QuizApp.Channel(), "kim", default))!).Card).AnsweredCount);
    }
}
