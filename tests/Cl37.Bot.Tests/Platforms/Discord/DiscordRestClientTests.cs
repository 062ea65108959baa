using Cl37.Bot.Tests.Scheduling;
using System.Globalization;
using System.Text.Json.Nodes;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Outgoing;
using Cl37.Bot.Platforms.Discord.Rendering;
using Cl37.Bot.Platforms.Discord.Wire;
using Cl37.Bot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Cl37.Bot.Tests.Platforms.Discord;

/// <summary>REST through the chat port and the client against the fake Discord: exact JSON, headers,
/// and the rate-limit rules of DAD topics/rate-limits.mdx on a fake clock.</summary>
public sealed class DiscordRestClientTests : IAsyncLifetime
{
    private const string Channel = "645027906669510667";
    private readonly ArmedTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private FakeDiscordServer _fake = null!;
    private DiscordTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscordServer.StartAsync();
        _host = await DiscordTestHost.CreateAsync(_fake, _time);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private IChatPlatform Platform => _host.Services.GetServices<IChatPlatform>().Single(p => p.Name == "discord");

    private DiscordRestClient Rest => _host.Get<DiscordRestClient>();

    private DateTimeOffset Deadline() => _time.GetUtcNow() + DiscordRestClient.InitialResponseWindow;

    private static ChannelRef Ref(string channel = Channel) => new("discord", "290926798626357999", channel);

    [Fact]
    public async Task PostAsync_MessageWithAFile_UploadsItAsMultipartThatDiscordAccepts()
    {
        var message = OutgoingMessage.PublicText("Export: board.csv") with { Files = [FileAttachment.Text("board.csv", "text/csv", "rank,name\n1,Ann\n")] };

        await Platform.PostAsync(Ref(), message, default);

        var request = Assert.Single(_fake.Requests);
        Assert.StartsWith("multipart/form-data; boundary=", request.ContentType, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "content": "Export: board.csv", "allowed_mentions": { "parse": [] }, "attachments": [ { "id": 0, "filename": "board.csv" } ] }
            """), JsonNode.Parse(request.Body)), request.Body);
        var file = Assert.Single(request.Files);
        Assert.Equal(("files[0]", "board.csv", "text/csv", "rank,name\n1,Ann\n"), (file.Field, file.FileName, file.ContentType, file.Text));
    }

    [Fact]
    public async Task FollowupAsync_TooLargeAFile_IsNotSent()
    {
        var payload = DiscordMessageRenderer.Render(OutgoingMessage.PrivateText("big") with
        {
            Files = [new FileAttachment("big.csv", "text/csv", new byte[DiscordPayloadRules.MaxUploadBytes + 1])],
        }, ephemeral: true)[0];

        await Assert.ThrowsAsync<ArgumentException>(() => Rest.FollowupAsync(DiscordTestHost.ApplicationId, "token", payload, default));
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task PostAsync_QuestionCard_SendsTheExactMessageJson()
    {
        var card = new QuestionCard(42, "test/mcq/1", "Question 1", "Which format is binary?", AnswerInput.SingleChoice,
            [new CardOption("A", "JSON"), new CardOption("B", "Protobuf")], 0, new DateTime(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc));

        var id = await Platform.PostAsync(Ref(), new OutgoingMessage("", card), default);

        var request = Assert.Single(_fake.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"channels/{Channel}/messages", request.Path);
        Assert.Equal("Bot " + DiscordTestHost.Token, request.Authorization);
        Assert.Equal("DiscordBot (https://github.com/cl37/cl37-bot, 1.0)", request.UserAgent);
        Assert.Equal("application/json", request.ContentType);
        var expected = JsonNode.Parse("""
        {
          "content": "**Question 1**\nWhich format is binary?\n\n**A** JSON\n**B** Protobuf\n\n-# 0 answers · closes <t:1795687200:R>",
          "components": [
            { "type": 1, "components": [
              { "type": 2, "style": 1, "label": "A", "custom_id": "a:42:A" },
              { "type": 2, "style": 1, "label": "B", "custom_id": "a:42:B" }
            ] }
          ],
          "allowed_mentions": { "parse": [] }
        }
        """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.Body)), request.Body);
        Assert.Equal(18, id.Length);
    }

    [Fact]
    public async Task PostAsync_TextLongerThan2000Characters_PostsEveryPartAndReturnsTheLastId()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 120).Select(i => $"Paragraph {i} of a long announcement."));

        var id = await Platform.PostAsync(Ref(), OutgoingMessage.PublicText(text), default);

        var posts = _fake.RequestsTo("POST", $"channels/{Channel}/messages");
        Assert.True(posts.Count > 1);
        var parts = posts.Select(p => p.Json.GetProperty("content").GetString()!).ToList();
        Assert.All(parts, p => Assert.True(p.Length <= 2000));
        // Each part says where it stands ("-# 2/3"), so a reader can tell when one is missing.
        var marks = parts.Select((p, i) => $"\n-# {i + 1}/{parts.Count}").ToList();
        Assert.All(parts.Zip(marks), pm => Assert.EndsWith(pm.Second, pm.First, StringComparison.Ordinal));
        Assert.Equal(text, string.Join("\n\n", parts.Zip(marks, (p, m) => p[..^m.Length])));
        Assert.Equal(18, id.Length);
    }

    [Fact]
    public async Task UpdateAsync_ClosedQuestion_PatchesWithDisabledControls()
    {
        var card = new QuestionCard(42, "q", "Question 1", "Pick", AnswerInput.MultiSelect,
            [new CardOption("A", "x"), new CardOption("B", "y"), new CardOption("C", "z")], 7, null, Closed: true);

        await Platform.UpdateAsync(Ref(), "846462638651736064", new OutgoingMessage("", card), default);

        var request = Assert.Single(_fake.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal($"channels/{Channel}/messages/846462638651736064", request.Path);
        var select = request.Json.GetProperty("components")[0].GetProperty("components")[0];
        Assert.Equal(3, select.GetProperty("type").GetInt32());
        Assert.Equal(3, select.GetProperty("max_values").GetInt32());
        Assert.True(select.GetProperty("disabled").GetBoolean());
        Assert.Contains("7 answers · closed", request.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("teams", "645027906669510667")]
    [InlineData("discord", "general")]
    public async Task PostAsync_NotADiscordChannel_IsNotSent(string platform, string channel)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Platform.PostAsync(new ChannelRef(platform, "g", channel), OutgoingMessage.PublicText("hi"), default));

        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task PostAsync_RouteRateLimited_WaitsRetryAfterThenRetries()
    {
        _fake.Responder = FakeDiscordResponse.Once(FakeDiscordResponse.RateLimited(2.5, global: false), r => r.Method == "POST");

        var posting = Platform.PostAsync(Ref(), OutgoingMessage.PublicText("hello"), default);
        await Until(() => _fake.Requests.Count == 1);
        await _time.WhenArmedAsync(TimeSpan.FromSeconds(2.5));
        Assert.False(posting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(2.4));
        await Task.Delay(50);
        Assert.Single(_fake.Requests);
        Assert.Equal(1, _time.ArmedFor(TimeSpan.FromSeconds(0.1)));
        _time.Advance(TimeSpan.FromSeconds(0.2));
        await posting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, _fake.Requests.Count);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("rate limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RespondAsync_CallbackRateLimited_WaitsRetryAfterThenRetries()
    {
        // Callbacks have no bucket to hold the wait; an immediate retry would be one more 429 toward Cloudflare's ban.
        _fake.Responder = FakeDiscordResponse.Once(FakeDiscordResponse.RateLimited(2.5, global: false));

        var responding = Rest.RespondAsync("846462639134605312", "tok", new InteractionResponse { Type = InteractionCallbackType.ChannelMessageWithSource, Data = new InteractionCallbackData { Content = "hi" } }, Deadline(), default);
        await Until(() => _fake.Requests.Count == 1);
        await _time.WhenArmedAsync(TimeSpan.FromSeconds(2.5));
        Assert.False(responding.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(2.4));
        await Task.Delay(50);
        Assert.Single(_fake.Requests);
        Assert.Equal(1, _time.ArmedFor(TimeSpan.FromSeconds(0.1)));
        _time.Advance(TimeSpan.FromSeconds(0.2));
        await responding.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, _fake.Requests.Count);
    }

    [Fact]
    public async Task RespondAsync_CallbackRateLimitedPastThreeSeconds_GivesUpWithoutASecondRequest()
    {
        _fake.Responder = _ => FakeDiscordResponse.RateLimited(5, global: false);

        var failed = await Assert.ThrowsAsync<DiscordRestException>(() =>
            Rest.RespondAsync("846462639134605312", "tok", new InteractionResponse { Type = InteractionCallbackType.ChannelMessageWithSource, Data = new InteractionCallbackData { Content = "hi" } }, Deadline(), default)
                .WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(429, failed.Status);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task PostAsync_GlobalRateLimit_PausesEveryRoute()
    {
        _fake.Responder = FakeDiscordResponse.Once(FakeDiscordResponse.RateLimited(1, global: true, scope: "global"));

        var a = Platform.PostAsync(Ref("111111111111111111"), OutgoingMessage.PublicText("a"), default);
        await Until(() => _host.Logs.Lines.Any(l => l.Contains("global", StringComparison.Ordinal)));
        var b = Platform.PostAsync(Ref("222222222222222222"), OutgoingMessage.PublicText("b"), default);
        await _time.WhenArmedAsync(TimeSpan.FromSeconds(1), count: 2);
        Assert.Single(_fake.Requests);

        _time.Advance(TimeSpan.FromSeconds(1.01));
        await Task.WhenAll(a, b).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3, _fake.Requests.Count);
    }

    [Fact]
    public async Task PostAsync_BucketExhausted_WaitsForReset()
    {
        _fake.Responder = r => r.Method == "POST"
            ? new FakeDiscordResponse(200, $$"""{"id":"{{900 + _fake.Requests.Count}}000000000000000","channel_id":"{{Channel}}"}""", FakeDiscordServer.Bucket("abc", 5, 0, resetAfter: 3))
            : null;

        await Platform.PostAsync(Ref(), OutgoingMessage.PublicText("1"), default);
        var second = Platform.PostAsync(Ref(), OutgoingMessage.PublicText("2"), default);
        await Task.Delay(50);
        Assert.Single(_fake.Requests);
        var other = Platform.PostAsync(Ref("333333333333333333"), OutgoingMessage.PublicText("other channel"), default);
        await other.WaitAsync(TimeSpan.FromSeconds(10));

        await _time.WhenArmedAsync(TimeSpan.FromSeconds(3));
        _time.Advance(TimeSpan.FromSeconds(3));
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, _fake.Requests.Count);
    }

    [Fact]
    public async Task PostAsync_ServerError_RetriesWithBackoff()
    {
        var failures = 2;
        _fake.Responder = _ => failures-- > 0 ? new FakeDiscordResponse(502, "bad gateway") : null;

        var posting = Platform.PostAsync(Ref(), OutgoingMessage.PublicText("x"), default);
        await _time.WhenArmedAsync(TimeSpan.FromSeconds(0.5));
        _time.Advance(TimeSpan.FromSeconds(0.5));
        await _time.WhenArmedAsync(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        await posting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3, _fake.Requests.Count);
        Assert.True(posting.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task PostAsync_Unauthorized_StopsSendingAuthorizedCalls()
    {
        _fake.Responder = _ => new FakeDiscordResponse(401, """{"message":"401: Unauthorized","code":0}""");

        var first = await Assert.ThrowsAsync<DiscordRestException>(() => Platform.PostAsync(Ref(), OutgoingMessage.PublicText("x"), default));
        var second = await Assert.ThrowsAsync<DiscordRestException>(() => Platform.PostAsync(Ref(), OutgoingMessage.PublicText("y"), default));

        Assert.Equal(401, first.Status);
        Assert.Contains("Discord:Token", second.Message, StringComparison.Ordinal);
        Assert.Single(_fake.Requests);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains(DiscordTestHost.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostAsync_BadRequest_LogsTheErrorBodyButNotTheToken()
    {
        _fake.Responder = _ => new FakeDiscordResponse(400, """{"message":"Invalid Form Body","code":50035}""");

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => Platform.PostAsync(Ref(), OutgoingMessage.PublicText("x"), default));

        Assert.Equal(50035, error.Code);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("Invalid Form Body", StringComparison.Ordinal) && l.Contains("channels/{channel}/messages", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains(DiscordTestHost.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_GlobalLimit_AllowsFiftyPerSecondButNotInteractionCallbacks()
    {
        var posts = Enumerable.Range(0, 60)
            .Select(i => Platform.PostAsync(Ref((400000000000000000L + i).ToString(CultureInfo.InvariantCulture)), OutgoingMessage.PublicText("x"), default))
            .ToList();
        await Until(() => _fake.Requests.Count >= 50);
        await Task.Delay(100);
        Assert.Equal(50, _fake.Requests.Count);

        await Rest.RespondAsync("846462639134605312", "tok", new InteractionResponse { Type = InteractionCallbackType.ChannelMessageWithSource, Data = new InteractionCallbackData { Content = "hi" } }, Deadline(), default).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(51, _fake.Requests.Count);

        await _time.WhenArmedAsync(TimeSpan.FromSeconds(1), count: 10);
        _time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(posts).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(61, _fake.Requests.Count);
    }

    private static async Task Until(Func<bool> condition)
    {
        await Eventually.TrueAsync(condition, "the condition");
    }
}
