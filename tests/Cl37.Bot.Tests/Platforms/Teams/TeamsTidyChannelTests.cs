using System.Net;
using System.Text.Json.Nodes;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Wire;
using Cl37.Bot.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Platforms.Teams;

/// <summary>A tidy Teams channel: a welcome on install, private replies out of the channel, reveals
/// in their question's thread, and a 1:1 chat where stats cover every team.</summary>
public sealed class TeamsTidyChannelTests
{
    private static readonly ChannelRef Channel = new("teams", "19:team@thread.tacv2", "19:general@thread.tacv2");
    private readonly TeamsTestKit _kit = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)));

    private static Activity ChannelCommand(string text)
    {
        var message = TeamsActivityHandlerTests.Sample("message-personal");
        message.Text = text;
        message.Conversation = new ConversationAccount { Id = "19:general@thread.tacv2;messageid=1700", ConversationType = "channel", TenantId = "tenant-1" };
        message.ChannelData = new TeamsChannelData { Team = new TeamInfo { Id = Channel.GroupId }, Channel = new IdName { Id = Channel.ChannelId } };
        return message;
    }

    [Fact]
    public async Task HandleAsync_BotAddedToAConversation_PostsOneWelcomeSayingHowToStart()
    {
        var handler = _kit.Handler();

        await handler.HandleAsync(TeamsActivityHandlerTests.Sample("installationUpdate"), default);
        await handler.HandleAsync(TeamsActivityHandlerTests.Sample("conversationUpdate"), default);

        var welcome = Assert.Single(_kit.Http.Requests);
        Assert.EndsWith("/v3/conversations/442d8eed-fc36-4159-aeca-db5bad627862/activities", welcome.Url, StringComparison.Ordinal);
        var text = (string)JsonNode.Parse(welcome.Body!)!["text"]!;
        Assert.Contains("`quiz practice`", text);
        Assert.Contains("`help`", text);
    }

    [Fact]
    public async Task HandleAsync_PrivateReplyInAChannel_GoesToThePersonalChatNotTheChannel()
    {
        _kit.Sink.CommandReply = OutgoingMessage.PrivateText("✅ Posted MCQ 3.");
        _kit.Http.Enqueue(HttpStatusCode.Created, """{"id":"a:personal"}""");

        await _kit.Handler().HandleAsync(ChannelCommand("<at>Test Bot</at> quiz now"), default);

        Assert.Equal(2, _kit.Http.Requests.Count);
        Assert.EndsWith("/v3/conversations", _kit.Http.Requests[0].Url, StringComparison.Ordinal);
        Assert.EndsWith("/v3/conversations/a%3Apersonal/activities", _kit.Http.Requests[1].Url, StringComparison.Ordinal);
        Assert.Equal("✅ Posted MCQ 3.", (string?)JsonNode.Parse(_kit.Http.Requests[1].Body!)!["text"]);
        Assert.DoesNotContain(_kit.Http.Requests, r => r.Url.Contains("19%3Ageneral", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_SecondPrivateReply_ReusesThePersonalChat()
    {
        _kit.Sink.CommandReply = OutgoingMessage.PrivateText("✅ Posted MCQ 3.");
        _kit.Http.Enqueue(HttpStatusCode.Created, """{"id":"a:personal"}""");
        var handler = _kit.Handler();

        await handler.HandleAsync(ChannelCommand("<at>Test Bot</at> quiz now"), default);
        await handler.HandleAsync(ChannelCommand("<at>Test Bot</at> stats"), default);

        Assert.Equal(3, _kit.Http.Requests.Count);
        Assert.Single(_kit.Http.Requests, r => r.Url.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.EndsWith("/v3/conversations/a%3Apersonal/activities", _kit.Http.Requests[2].Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_PersonalChatGone_IsCreatedAgain()
    {
        _kit.Sink.CommandReply = OutgoingMessage.PrivateText("✅ Posted MCQ 3.");
        _kit.Http.Enqueue(HttpStatusCode.Created, """{"id":"a:personal"}""");
        var handler = _kit.Handler();
        await handler.HandleAsync(ChannelCommand("<at>Test Bot</at> quiz now"), default);
        _kit.Http.Enqueue(HttpStatusCode.Forbidden, """{"error":{"code":"BotNotInConversationRoster"}}""");
        _kit.Http.Enqueue(HttpStatusCode.Created, """{"id":"a:personal-2"}""");

        await handler.HandleAsync(ChannelCommand("<at>Test Bot</at> stats"), default);

        Assert.EndsWith("/v3/conversations", _kit.Http.Requests[3].Url, StringComparison.Ordinal);
        Assert.EndsWith("/v3/conversations/a%3Apersonal-2/activities", _kit.Http.Requests[4].Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_PrivateReplyWithoutAPersonalChat_StaysInTheCommandsThread()
    {
        _kit.Sink.CommandReply = OutgoingMessage.PrivateText("✅ Revealed.");
        _kit.Http.Enqueue(HttpStatusCode.Forbidden, """{"error":{"code":"BotNotInConversationRoster"}}""");

        await _kit.Handler().HandleAsync(ChannelCommand("<at>Test Bot</at> quiz reveal"), default);

        Assert.Equal(2, _kit.Http.Requests.Count);
        Assert.Contains("/v3/conversations/19%3Ageneral%40thread.tacv2%3Bmessageid%3D1700/activities/", _kit.Http.Requests[1].Url);
    }

    [Fact]
    public async Task HandleAsync_PublicReplyInAChannel_StaysInTheCommandsThread()
    {
        _kit.Sink.CommandReply = OutgoingMessage.PublicText("Servers needed: 4");

        await _kit.Handler().HandleAsync(ChannelCommand("<at>Test Bot</at> calc servers 200 50"), default);

        Assert.Contains("/v3/conversations/19%3Ageneral%40thread.tacv2%3Bmessageid%3D1700/activities/", Assert.Single(_kit.Http.Requests).Url);
    }

    [Fact]
    public async Task PostAsync_RevealInAChannel_RepliesInTheQuestionsThread()
    {
        await _kit.Store.SaveAsync(Channel, new TeamsConversationReference
        {
            ServiceUrl = "https://smba.trafficmanager.net/emea/", ConversationId = Channel.ChannelId, ConversationType = "channel", ChannelId = Channel.ChannelId, BotId = "28:bot",
        }, default);
        var question = new OutgoingMessage("Q", new QuestionCard(5, "q", "MCQ 1", "Pick", AnswerInput.SingleChoice, [new CardOption("A", "a")], 0, null));
        var reveal = new OutgoingMessage("R", new RevealCard(5, "Reveal", "Pick", "A) a", "", [], 0, 0, [], [], []));
        var platform = _kit.Platform();

        var questionId = await platform.PostAsync(Channel, question, default);
        await platform.PostAsync(Channel, reveal, default);
        // After a restart: the question is closed (updated) just before its reveal is posted.
        var restarted = _kit.Platform();
        await restarted.UpdateAsync(Channel, "1700", question, default);
        await restarted.PostAsync(Channel, reveal, default);

        Assert.EndsWith("/v3/conversations/19%3Ageneral%40thread.tacv2/activities", _kit.Http.Requests[0].Url, StringComparison.Ordinal);
        Assert.EndsWith($"/v3/conversations/19%3Ageneral%40thread.tacv2%3Bmessageid%3D{questionId}/activities", _kit.Http.Requests[1].Url, StringComparison.Ordinal);
        Assert.EndsWith("/v3/conversations/19%3Ageneral%40thread.tacv2%3Bmessageid%3D1700/activities", _kit.Http.Requests[3].Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_InAPersonalChatAfterAnsweringInTwoTeams_CountsEveryAnswer()
    {
        await using var app = new QuizApp();
        var teamA = new ChannelRef("test", "team-a", "general");
        var teamB = new ChannelRef("test", "team-b", "general");
        var kim = QuizApp.User("aad-kim");
        foreach (var team in new[] { teamA, teamB })
        {
            var postId = await app.PostQuestionAsync(team);
            var card = app.Platform.Posts.Select(p => p.Message.Card).OfType<QuestionCard>().Last(c => c.PostId == postId);
            await app.Dispatcher.AnswerAsync(new AnswerAction(team, kim, postId, [card.Input == AnswerInput.FreeText ? "4" : card.Options[0].Key]), default);
        }

        var stats = await app.RunAsync("/stats", kim, new ChannelRef("test", "personal-chat", "personal-chat"));

        Assert.Contains("Scored answers: 2", stats.Text);
    }
}
