using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cl37.Bot.Platforms.Teams.Wire;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Platforms.Teams;

/// <summary>Action.Submit (the fallback to Universal Actions) in a channel: feedback must not tell the channel the answer.</summary>
public sealed class TeamsActionSubmitTests
{
    private readonly TeamsTestKit _kit = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)));

    private static Activity SubmitInChannel()
    {
        var activity = TeamsActivityHandlerTests.Sample("message-action-submit");
        activity.Conversation = new ConversationAccount { Id = "19:general@thread.tacv2;messageid=1700", ConversationType = "channel", TenantId = activity.Conversation!.TenantId };
        activity.ChannelData = new TeamsChannelData { Team = new TeamInfo { Id = "19:team@thread.tacv2" }, Channel = new IdName { Id = "19:general@thread.tacv2" } };
        activity.Value = JsonSerializer.SerializeToElement(new JsonObject { ["cl37"] = "answer", ["post"] = 5, ["value"] = "B" });
        return activity;
    }

    [Fact]
    public async Task HandleAsync_ActionSubmitInAChannel_SendsFeedbackInAOneToOneChat()
    {
        _kit.Http.Enqueue(HttpStatusCode.Created, "{\"id\":\"a:1chat\"}");

        await _kit.Handler().HandleAsync(SubmitInChannel(), default);

        Assert.Equal(2, _kit.Http.Requests.Count);
        Assert.EndsWith("/v3/conversations", _kit.Http.Requests[0].Url, StringComparison.Ordinal);
        Assert.Equal(
            "{\"isGroup\":false,\"bot\":{\"id\":\"00000000-0000-0000-0000-00000000000011\",\"name\":\"Test Bot\"},\"members\":[{\"id\":\"user-id-0\"}],"
            + "\"tenantId\":\"00000000-0000-0000-0000-0000000000001\",\"channelData\":{\"tenant\":{\"id\":\"00000000-0000-0000-0000-0000000000001\"}}}",
            _kit.Http.Requests[0].Body);
        Assert.EndsWith("/v3/conversations/a%3A1chat/activities", _kit.Http.Requests[1].Url, StringComparison.Ordinal);
        Assert.Contains("Recorded: B. Correct!", _kit.Http.Requests[1].Body);
        Assert.Equal(5, Assert.Single(_kit.Sink.Answers).PostId);
    }

    [Fact]
    public async Task HandleAsync_ActionSubmitWithoutPersonalInstall_TellsTheThreadOnlyThatItWasRecorded()
    {
        _kit.Http.Enqueue(HttpStatusCode.Forbidden, "{\"error\":{\"code\":\"BotNotInConversationRoster\"}}");

        await _kit.Handler().HandleAsync(SubmitInChannel(), default);

        var reply = _kit.Http.Requests[^1];
        Assert.Contains("Alex Wilber, your answer was recorded", reply.Body);
        Assert.DoesNotContain("Correct", reply.Body);
        Assert.Contains("/v3/conversations/19%3Ageneral%40thread.tacv2%3Bmessageid%3D1700/activities/", reply.Url);
    }
}
