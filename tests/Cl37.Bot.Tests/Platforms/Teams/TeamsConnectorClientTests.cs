using System.Net;
using System.Text.Json.Nodes;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Cl37.Bot.Platforms.Teams.Rendering;
using Cl37.Bot.Platforms.Teams.Wire;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Platforms.Teams;

public sealed class TeamsConnectorClientTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private const string Channel = "19:abc@thread.tacv2";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    private static Activity Text(string text) => TeamsActivities.Message(OutgoingMessage.PublicText(text), "28:bot", "Quiz Bot", Channel);

    [Fact]
    public async Task SendAsync_TextMessage_PostsExactActivityAndReturnsId()
    {
        var kit = new TeamsTestKit(_time);
        kit.Http.Enqueue(HttpStatusCode.Created, """{"id":"1690000000001"}""");

        var id = await kit.Connector.SendAsync(ServiceUrl, Channel, Text("hello **all**"), default);

        Assert.Equal("1690000000001", id);
        var request = Assert.Single(kit.Http.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://smba.trafficmanager.net/emea/v3/conversations/19%3Aabc%40thread.tacv2/activities", request.Url);
        Assert.Equal("""{"type":"message","from":{"id":"28:bot","name":"Quiz Bot"},"conversation":{"id":"19:abc@thread.tacv2"},"text":"hello **all**","textFormat":"markdown"}""", request.Body);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task ReplyAsync_ServiceUrlWithoutSlash_PostsToTheActivityWithReplyToId()
    {
        var kit = new TeamsTestKit(_time);
        await kit.Connector.ReplyAsync("http://127.0.0.1:56150/_connector", "a:1;messageid=7", "7", Text("hi"), default);

        var request = Assert.Single(kit.Http.Requests);
        Assert.Equal("http://127.0.0.1:56150/_connector/v3/conversations/a%3A1%3Bmessageid%3D7/activities/7", request.Url);
        Assert.Equal("""{"type":"message","from":{"id":"28:bot","name":"Quiz Bot"},"conversation":{"id":"19:abc@thread.tacv2"},"text":"hi","textFormat":"markdown","replyToId":"7"}""", request.Body);
    }

    [Fact]
    public async Task UpdateAsync_Card_PutsTheFullActivityWithItsId()
    {
        var kit = new TeamsTestKit(_time);
        kit.Http.Enqueue(HttpStatusCode.OK, """{"id":"act-1"}""");
        var card = new QuestionCard(42, "deck:1:3", "Question 3", "2 + 2?", AnswerInput.SingleChoice, [new("A", "4"), new("B", "5")], 2, null);
        var activity = TeamsActivities.Message(new OutgoingMessage("", card), "28:bot", "Quiz Bot", Channel);

        await kit.Connector.UpdateAsync(ServiceUrl, Channel, "act-1", activity, default);

        var request = Assert.Single(kit.Http.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal(ServiceUrl + "v3/conversations/19%3Aabc%40thread.tacv2/activities/act-1", request.Url);
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "teams", "out-update-question-card.json")));
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.Body!)), request.Body);
    }

    [Fact]
    public async Task CreateConversationAsync_NewChannelThread_PostsConversationParameters()
    {
        var kit = new TeamsTestKit(_time);
        kit.Http.Enqueue(HttpStatusCode.Created, """{"id":"19:abc@thread.tacv2;messageid=99","activityId":"99"}""");
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            Bot = new ChannelAccount { Id = "28:bot" },
            TenantId = "tenant-1",
            Activity = new Activity { Type = "message", Text = "Daily question" },
            ChannelData = new TeamsChannelData { Channel = new IdName { Id = Channel }, Tenant = new IdName { Id = "tenant-1" } },
        };

        var created = await kit.Connector.CreateConversationAsync(ServiceUrl, parameters, default);

        Assert.Equal("99", created.ActivityId);
        var request = Assert.Single(kit.Http.Requests);
        Assert.Equal(ServiceUrl + "v3/conversations", request.Url);
        Assert.Equal("""{"isGroup":true,"bot":{"id":"28:bot"},"tenantId":"tenant-1","activity":{"type":"message","text":"Daily question"},"channelData":{"tenant":{"id":"tenant-1"},"channel":{"id":"19:abc@thread.tacv2"}}}""", request.Body);
    }

    [Fact]
    public async Task SendAsync_WithAppToken_SendsBearerOnlyOverHttps()
    {
        var kit = new TeamsTestKit(_time, tokens: new FixedTokenProvider("tok-123"));
        await kit.Connector.SendAsync(ServiceUrl, Channel, Text("x"), default);
        Assert.Equal("Bearer tok-123", kit.Http.Requests[0].Authorization);

        var ex = await Assert.ThrowsAsync<TeamsConnectorException>(() => kit.Connector.SendAsync("http://smba.example/", Channel, Text("x"), default));
        Assert.Contains("http", ex.Message);
        Assert.Single(kit.Http.Requests);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfter_WaitsThatLongThenSucceeds()
    {
        var kit = new TeamsTestKit(_time);
        kit.Http.Enqueue(HttpStatusCode.TooManyRequests, "", retryAfter: TimeSpan.FromSeconds(3));

        var send = kit.Connector.SendAsync(ServiceUrl, Channel, Text("x"), default);
        await RunClockUntilAsync(send);

        Assert.Equal("activity-1", await send);
        Assert.Equal(2, kit.Http.Requests.Count);
        var gap = kit.Http.Requests[1].At - kit.Http.Requests[0].At;
        Assert.InRange(gap, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4.5));
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task SendAsync_RetryableStatusWithoutRetryAfter_BacksOffWithJitter(HttpStatusCode status)
    {
        var kit = new TeamsTestKit(_time, seed: 11);
        kit.Http.Enqueue(status);
        var expected = TimeSpan.FromSeconds(2 * (0.8 + (0.4 * new Random(11).NextDouble())));

        var send = kit.Connector.SendAsync(ServiceUrl, Channel, Text("x"), default);
        await RunClockUntilAsync(send);

        await send;
        var gap = kit.Http.Requests[1].At - kit.Http.Requests[0].At;
        Assert.InRange(gap, expected, expected + TimeSpan.FromSeconds(1.5));
        Assert.InRange(expected, TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2.4));
    }

    [Fact]
    public async Task SendAsync_StillThrottledAfterThreeRetries_Throws()
    {
        var kit = new TeamsTestKit(_time);
        for (var i = 0; i < 4; i++)
            kit.Http.Enqueue(HttpStatusCode.TooManyRequests, """{"error":"throttled"}""", retryAfter: TimeSpan.FromSeconds(1));

        var send = kit.Connector.SendAsync(ServiceUrl, Channel, Text("x"), default);
        await RunClockUntilAsync(send);

        var ex = await Assert.ThrowsAsync<TeamsConnectorException>(() => send);
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.Status);
        Assert.Equal(4, kit.Http.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task SendAsync_NonRetryableStatus_ThrowsAtOnce(HttpStatusCode status)
    {
        var kit = new TeamsTestKit(_time);
        kit.Http.Enqueue(status, """{"error":{"code":"BadSyntax"}}""");
        var ex = await Assert.ThrowsAsync<TeamsConnectorException>(() => kit.Connector.SendAsync(ServiceUrl, Channel, Text("x"), default));
        Assert.Equal(status, ex.Status);
        Assert.Single(kit.Http.Requests);
    }

    [Fact]
    public async Task GetMemberAsync_UnknownMember_ReturnsNull()
    {
        var kit = new TeamsTestKit(_time);
        kit.Http.Enqueue(HttpStatusCode.NotFound);
        Assert.Null(await kit.Connector.GetMemberAsync(ServiceUrl, "team-1", "29:x", default));
        Assert.Equal(ServiceUrl + "v3/conversations/team-1/members/29%3Ax", kit.Http.Requests[0].Url);
    }

    // Moves the fake clock in small steps until the call finishes; a retry never fires early, so
    // the recorded gaps are lower bounds that prove the wait.
    private async Task RunClockUntilAsync(Task task)
    {
        for (var steps = 0; !task.IsCompleted; steps++)
        {
            Assert.True(steps < 20_000, "the call never finished");
            await Task.WhenAny(task, Task.Delay(2));
            if (!task.IsCompleted)
                _time.Advance(TimeSpan.FromMilliseconds(50));
        }
    }
}
