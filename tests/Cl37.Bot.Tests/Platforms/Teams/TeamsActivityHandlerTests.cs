using System.Text.Json;
using System.Text.Json.Nodes;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Incoming;
using Cl37.Bot.Platforms.Teams.Kernel;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Cl37.Bot.Platforms.Teams.Rendering;
using Cl37.Bot.Platforms.Teams.Wire;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Platforms.Teams;

public sealed class TeamsActivityHandlerTests
{
    private const string Conversation = "442d8eed-fc36-4159-aeca-db5bad627862";
    private static readonly ChannelRef PersonalChat = new("teams", Conversation, Conversation);
    private readonly TeamsTestKit _kit = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)));

    internal static Activity Sample(string name) =>
        JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "teams", name + ".json")), TeamsJsonContext.Default.Activity)!;

    [Theory]
    [InlineData("conversationUpdate")]
    [InlineData("installationUpdate")]
    [InlineData("invoke-adaptiveCard-action")]
    [InlineData("message-action-submit")]
    [InlineData("message-personal")]
    public void Deserialize_GoldenActivity_RoundTripsEveryField(string name)
    {
        var original = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "teams", name + ".json")));
        var activity = Sample(name);
        var again = JsonNode.Parse(JsonSerializer.Serialize(activity, TeamsJsonContext.Default.Activity));
        Assert.True(JsonNode.DeepEquals(original, again), again!.ToJsonString());
        Assert.Equal("msteams", activity.ChannelId);
    }

    [Fact]
    public async Task HandleAsync_InstallationUpdateAdd_StoresTheConversationReference()
    {
        await _kit.Handler().HandleAsync(Sample("installationUpdate"), default);

        var json = Assert.Single(_kit.Store.Saved).Value;
        Assert.Equal(Assert.Single(_kit.Store.Saved).Key, PersonalChat);
        Assert.Equal(
            """{"serviceUrl":"http://localhost:56150/_connector","conversationId":"442d8eed-fc36-4159-aeca-db5bad627862","conversationType":"personal","tenantId":"00000000-0000-0000-0000-0000000000001","botId":"00000000-0000-0000-0000-00000000000011","botName":"Test Bot"}""",
            json);
        Assert.Empty(_kit.Http.Requests);
    }

    [Fact]
    public async Task HandleAsync_InstallationUpdateRemove_ForgetsTheConversation()
    {
        var handler = _kit.Handler();
        await handler.HandleAsync(Sample("installationUpdate"), default);
        var remove = Sample("installationUpdate");
        remove.Action = "remove";

        await handler.HandleAsync(remove, default);

        Assert.Empty(_kit.Store.Saved);
    }

    // Found by the wire fuzz test: a forged member list with a null entry made the handler throw.
    [Fact]
    public async Task HandleAsync_ConversationUpdateWithNullMembers_SkipsThemAndStillSeesTheBot()
    {
        var handler = _kit.Handler();
        var update = Sample("conversationUpdate");
        update.MembersAdded = [null!, .. update.MembersAdded!];
        await handler.HandleAsync(update, default);
        Assert.True(_kit.Store.Saved.ContainsKey(PersonalChat));

        update.MembersRemoved = [null!, .. update.MembersAdded];
        update.MembersAdded = null;
        await handler.HandleAsync(update, default);
        Assert.Empty(_kit.Store.Saved);
    }

    [Fact]
    public async Task HandleAsync_ChannelDeletedWithoutAConversation_ForgetsNothing()
    {
        var handler = _kit.Handler();
        await handler.HandleAsync(Sample("conversationUpdate"), default);
        var deleted = Sample("conversationUpdate");
        deleted.MembersAdded = null;
        deleted.Conversation = null;
        deleted.ChannelData!.EventType = "channelDeleted";

        await handler.HandleAsync(deleted, default);

        Assert.True(_kit.Store.Saved.ContainsKey(PersonalChat));
    }

    [Fact]
    public async Task HandleAsync_ConversationUpdateWithBotAddedThenRemoved_StoresThenForgets()
    {
        var handler = _kit.Handler();
        var update = Sample("conversationUpdate");
        await handler.HandleAsync(update, default);
        Assert.True(_kit.Store.Saved.ContainsKey(PersonalChat));

        update.MembersRemoved = update.MembersAdded;
        update.MembersAdded = null;
        await handler.HandleAsync(update, default);
        Assert.Empty(_kit.Store.Saved);
    }

    [Fact]
    public async Task HandleAsync_PersonalMessage_DispatchesTextAndRepliesToTheActivity()
    {
        _kit.Sink.CommandReply = OutgoingMessage.PrivateText("Try `/help`.");

        await _kit.Handler().HandleAsync(Sample("message-personal"), default);

        var (text, channel, user) = Assert.Single(_kit.Sink.Commands);
        Assert.Equal("hello", text);
        Assert.Equal(PersonalChat, channel);
        // A 1:1 chat is in no team, so it has no owners to be its admins.
        Assert.Equal(new ChatUser("00000000-0000-0000-0000-0000000000020", "Alex Wilber", false) { AdminRule = AdminRule.OperatorListOnly }, user);
        var reply = Assert.Single(_kit.Http.Requests);
        Assert.Equal($"http://localhost:56150/_connector/v3/conversations/{Conversation}/activities/cb831f7f-7e33-4cb5-9d39-2c60f5ddc270", reply.Url);
        Assert.Equal(
            $$"""{"type":"message","from":{"id":"00000000-0000-0000-0000-00000000000011","name":"Test Bot"},"recipient":{"id":"user-id-0","name":"Alex Wilber"},"conversation":{"id":"{{Conversation}}"},"text":"Try \u0060/help\u0060.","textFormat":"markdown","replyToId":"cb831f7f-7e33-4cb5-9d39-2c60f5ddc270"}""",
            reply.Body);
        Assert.True(_kit.Store.Saved.ContainsKey(PersonalChat));
    }

    [Fact]
    public async Task HandleAsync_ChannelMessageWithMention_StripsMentionAndUsesTheChannel()
    {
        var message = Sample("message-personal");
        message.Text = "<at>Test Bot</at> calc servers 200 50";
        message.Entities = [new Entity { Type = "mention", Text = "<at>Test Bot</at>", Mentioned = new ChannelAccount { Id = message.Recipient!.Id, Name = "Test Bot" } }];
        message.Conversation = new ConversationAccount { Id = "19:general@thread.tacv2;messageid=1700", ConversationType = "channel" };
        message.ChannelData = new TeamsChannelData { Team = new TeamInfo { Id = "19:team@thread.tacv2" }, Channel = new IdName { Id = "19:general@thread.tacv2" } };
        _kit.Sink.CommandReply = OutgoingMessage.PublicText("Servers needed: 4");

        await _kit.Handler().HandleAsync(message, default);

        var (text, channel, user) = Assert.Single(_kit.Sink.Commands);
        Assert.Equal("calc servers 200 50", text);
        Assert.Equal(new ChannelRef("teams", "19:team@thread.tacv2", "19:general@thread.tacv2"), channel);
        Assert.False(user.IsPlatformAdmin);
        Assert.Contains("/v3/conversations/19%3Ageneral%40thread.tacv2%3Bmessageid%3D1700/activities/", Assert.Single(_kit.Http.Requests).Url);
    }

    [Fact]
    public async Task HandleInvokeAsync_GoldenExecuteFromAnotherCard_AnswersWithAPrivateErrorCard()
    {
        var result = await _kit.Handler().HandleInvokeAsync(Sample("invoke-adaptiveCard-action"), default);

        Assert.Equal(200, result.Status);
        Assert.Equal(AdaptiveCardRenderer.ContentType, result.Body!.Type);
        Assert.Contains("not made by this bot", result.Body.Value!.ToJsonString());
        Assert.Empty(_kit.Sink.Answers);
    }

    [Fact]
    public async Task HandleInvokeAsync_AnswerPastTheDeadline_SaysItIsStillSavingAndStoresItAfterwards()
    {
        var slow = new SlowAnswers();
        var handler = new TeamsActivityHandler(TestPipeline.Over(slow, teamsDeadline: TimeSpan.FromMilliseconds(50)), _kit.Store, _kit.Connector, _kit.Roster, _kit.Answerers,
            new TeamsPersonalChats(), new TeamsReferenceCache(), _kit.FileUpload(), _kit.Metrics, TeamsTestKit.Catalog, _kit.Downloads(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<TeamsActivityHandler>.Instance);

        var result = await handler.HandleInvokeAsync(AnswerInvoke(), default).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("Your answer is still being saved.", JsonSerializer.Serialize(result.Body!, TeamsJsonContext.Default.AdaptiveCardInvokeResponse), StringComparison.Ordinal);
        slow.Release.SetResult();
        Assert.Equal(42, (await slow.Stored.Task.WaitAsync(TimeSpan.FromSeconds(30))).PostId);
    }

    private static Activity AnswerInvoke()
    {
        var invoke = Sample("invoke-adaptiveCard-action");
        invoke.Value = JsonSerializer.SerializeToElement(new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = "answer",
                ["data"] = new JsonObject { ["cl37"] = "answer", ["post"] = 42, ["value"] = "B" },
            },
            ["trigger"] = "manual",
        });
        return invoke;
    }

    private sealed class SlowAnswers : IInboundHandler
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<AnswerAction> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<OutgoingMessage?> HandleAsync(Inbound request, CancellationToken cancellationToken)
        {
            await Release.Task;
            if (request is AnswerAction answer)
                Stored.TrySetResult(answer);
            return OutgoingMessage.PrivateText("Recorded: B.");
        }
    }

    [Fact]
    public async Task HandleInvokeAsync_ExecuteOnOurCard_AnswersAndReturnsThePrivateCard()
    {
        var invoke = Sample("invoke-adaptiveCard-action");
        invoke.Value = JsonSerializer.SerializeToElement(new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = "answer",
                ["data"] = new JsonObject { ["cl37"] = "answer", ["post"] = 42, ["value"] = "B" },
            },
            ["trigger"] = "manual",
        });

        var result = await _kit.Handler().HandleInvokeAsync(invoke, default);

        var answer = Assert.Single(_kit.Sink.Answers);
        Assert.Equal(42, answer.PostId);
        Assert.Equal(["B"], answer.Values);
        Assert.Equal(PersonalChat, answer.Channel);
        Assert.Equal("68200712-2c09-4ad5-99d4-a2e7ee602728", answer.DeliveryId);
        Assert.Equal(
            """{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","body":[{"type":"TextBlock","text":"Recorded: B. Correct!","wrap":true}]}}""",
            JsonSerializer.Serialize(result.Body!, TeamsJsonContext.Default.AdaptiveCardInvokeResponse));
        Assert.Empty(_kit.Http.Requests);
    }

    [Fact]
    public async Task HandleInvokeAsync_MultiSelectInput_SplitsTheCommaSeparatedValue()
    {
        var invoke = Sample("invoke-adaptiveCard-action");
        invoke.Value = JsonSerializer.SerializeToElement(new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = "answer",
                ["data"] = new JsonObject { ["cl37"] = "answer", ["post"] = 7, ["multi"] = true, ["answer"] = "A,C" },
            },
        });

        await _kit.Handler().HandleInvokeAsync(invoke, default);

        Assert.Equal(["A", "C"], Assert.Single(_kit.Sink.Answers).Values);
    }

    [Fact]
    public async Task HandleInvokeAsync_ActionSubmitInsteadOfExecute_Returns400ErrorBody()
    {
        var invoke = Sample("invoke-adaptiveCard-action");
        invoke.Value = JsonSerializer.SerializeToElement(new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Submit" } });

        var result = await _kit.Handler().HandleInvokeAsync(invoke, default);

        Assert.Equal(400, result.Body!.StatusCode);
        Assert.Equal(TeamsInvokeResult.ErrorType, result.Body.Type);
    }

    [Fact]
    public async Task HandleInvokeAsync_OtherInvokeName_Returns501()
    {
        var invoke = Sample("invoke-adaptiveCard-action");
        invoke.Name = "composeExtension/query";
        Assert.Equal(501, (await _kit.Handler().HandleInvokeAsync(invoke, default)).Status);
    }

    [Fact]
    public async Task HandleAsync_GoldenActionSubmitOnOurCard_AnswersAndRepliesInTheConversation()
    {
        var submit = Sample("message-action-submit");
        submit.Value = JsonSerializer.SerializeToElement(new JsonObject { ["cl37"] = "answer", ["post"] = 5, ["answer"] = " 42 " });

        await _kit.Handler().HandleAsync(submit, default);

        var answer = Assert.Single(_kit.Sink.Answers);
        Assert.Equal(5, answer.PostId);
        Assert.Equal(["42"], answer.Values);
        Assert.Empty(_kit.Sink.Commands);
        Assert.Contains("Recorded: B. Correct!", Assert.Single(_kit.Http.Requests).Body);
    }

    [Fact]
    public async Task HandleAsync_GoldenActionSubmitFromAnotherCard_RepliesWithOneClearSentence()
    {
        await _kit.Handler().HandleAsync(Sample("message-action-submit"), default);

        Assert.Empty(_kit.Sink.Answers);
        Assert.Contains("not made by this bot", Assert.Single(_kit.Http.Requests).Body);
    }

    [Fact]
    public async Task HandleAsync_SameReferenceTwice_WritesTheStoreOnce()
    {
        var counting = new CountingStore();
        var handler = new TeamsActivityHandler(_kit.Pipeline, counting, _kit.Connector, _kit.Roster, _kit.Answerers, new TeamsPersonalChats(), new TeamsReferenceCache(), _kit.FileUpload(), _kit.Metrics, TeamsTestKit.Catalog, _kit.Downloads(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<TeamsActivityHandler>.Instance);
        await handler.HandleAsync(Sample("message-personal"), default);
        await handler.HandleAsync(Sample("message-personal"), default);
        Assert.Equal(1, counting.Saves);
    }

    [Fact]
    public async Task HandleAsync_ChannelMessageWithoutMention_RunsOnlyWhenItReadsAsACommand()
    {
        var kit = new TeamsTestKit(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)),
            new TeamsOptions { Enabled = true });
        var handler = kit.Handler();

        foreach (var text in new[] { "quiz now", "anyone up for lunch?", "stats", "quiz nothing", "<p>leaderboard</p>" })
            await handler.HandleAsync(UnmentionedInChannel(text), default);

        Assert.Equal(["quiz now", "stats", "leaderboard"], kit.Sink.Commands.Select(c => c.Text));
    }

    [Fact]
    public async Task HandleAsync_CommandInAGroupChat_SaysThePersonIsInAChatWithoutOwners()
    {
        var message = Sample("message-personal");
        message.Conversation = new ConversationAccount { Id = "19:study@thread.v2", ConversationType = "groupChat", IsGroup = true, TenantId = "tenant-1" };
        message.Text = "quiz reveal";

        await _kit.Handler().HandleAsync(message, default);

        Assert.Equal(AdminRule.OperatorListOnly, Assert.Single(_kit.Sink.Commands).User.AdminRule);
    }

    private static Activity UnmentionedInChannel(string text)
    {
        var message = Sample("message-personal");
        message.From = new ChannelAccount { Id = "29:kim", Name = "Kim", AadObjectId = "aad-kim" };
        message.Conversation = new ConversationAccount { Id = "19:quiz@thread.tacv2", ConversationType = "channel", IsGroup = true, TenantId = "tenant-1" };
        message.ChannelData = new TeamsChannelData { Team = new TeamInfo { Id = "19:team@thread.tacv2" }, Channel = new IdName { Id = "19:quiz@thread.tacv2" } };
        message.Text = text;
        message.TextFormat = "xml";
        message.Entities = [];
        return message;
    }

    private sealed class CountingStore : ITeamsConversationStore
    {
        public int Saves { get; private set; }

        public Task SaveAsync(ChannelRef channel, TeamsConversationReference reference, CancellationToken cancellationToken)
        {
            Saves++;
            return Task.CompletedTask;
        }

        public Task<TeamsConversationReference?> FindAsync(ChannelRef channel, CancellationToken cancellationToken) => Task.FromResult<TeamsConversationReference?>(null);

        public Task RemoveAsync(ChannelRef channel, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RemoveGroupAsync(ChannelRef channel, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RestoreGroupAsync(ChannelRef channel, Func<string, TeamsConversationReference> referenceFor, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
