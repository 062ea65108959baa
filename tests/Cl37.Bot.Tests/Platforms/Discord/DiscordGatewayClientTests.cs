using System.Text.Json;
using Cl37.Bot.Platforms.Discord.Incoming;
using Cl37.Bot.Platforms.Discord.Kernel;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Platforms.Discord;

/// <summary>The gateway client against the loopback fake Discord, following DAD events/gateway.mdx
/// and the close-code table; the clock is fake, so heartbeats and backoff happen when the test
/// advances it.</summary>
public sealed class DiscordGatewayClientTests : LiveGatewayTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(45000);

    private DiscordConnectionState State => Host.Get<DiscordConnectionState>();

    [Fact]
    public async Task Run_FullLifecycle_IdentifiesHeartbeatsAndAnswersInteractions()
    {
        var conn = await StartAndConnectAsync();

        Assert.Equal("/gateway", conn.Path);
        Assert.Equal("?v=10&encoding=json", conn.Query);
        var gatewayBot = Assert.Single(Fake.RequestsTo("GET", "gateway/bot"));
        Assert.Equal("Bot " + DiscordTestHost.Token, gatewayBot.Authorization);
        Assert.StartsWith("DiscordBot (", gatewayBot.UserAgent, StringComparison.Ordinal);

        await conn.SendHelloAsync(45000);
        var identify = await conn.ReceiveAsync();
        Assert.Equal(2, identify.GetProperty("op").GetInt32());
        var d = identify.GetProperty("d");
        Assert.Equal(DiscordTestHost.Token, d.GetProperty("token").GetString());
        Assert.Equal(1, d.GetProperty("intents").GetInt32());
        Assert.Equal("linux", d.GetProperty("properties").GetProperty("os").GetString());
        Assert.Equal("[0,1]", d.GetProperty("shard").GetRawText());

        await conn.SendReadyAsync("session-1", Fake.ResumeUrl, seq: 1);
        await Until(() => State.State == DiscordConnectionState.Kind.Ready, advance: TimeSpan.Zero);

        await Time.WhenArmedWithinAsync(Interval);
        Time.Advance(Interval);
        var beat = await conn.ReceiveHeartbeatAsync();
        Assert.Equal(1, beat.GetProperty("d").GetInt64());
        await conn.SyncAsync();
        await Time.WhenArmedAsync(Interval);
        Time.Advance(Interval);
        await conn.ReceiveHeartbeatAsync();
        await conn.SyncAsync();
        await Time.WhenArmedAsync(Interval);
        Time.Advance(Interval);
        await conn.ReceiveHeartbeatAsync();

        await conn.SendHeartbeatRequestAsync();
        await conn.ReceiveHeartbeatAsync();

        var button = JsonDocument.Parse(File.ReadAllText(Path.Combine("Samples", "discord", "interaction_create_button.json"))).RootElement.GetProperty("d").GetRawText();
        await conn.SendDispatchAsync("INTERACTION_CREATE", button, seq: 2);
        await Until(() => Fake.RequestsTo("POST", "interactions/").Count == 1, advance: TimeSpan.Zero);
        var callback = Fake.RequestsTo("POST", "interactions/")[0];
        Assert.Equal("interactions/846462639134605312/BUTTON_TOKEN/callback", callback.Path);
        Assert.Null(callback.Authorization);
        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        Assert.Equal(64, callback.Json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal(DiscordConnectionState.Kind.Ready, State.State);
        Assert.DoesNotContain(Host.Logs.Lines, l => l.Contains(DiscordTestHost.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_DroppedSocket_ResumesOnTheResumeUrlWithTheLastSequence()
    {
        var conn = await ReadyAsync();
        await conn.SendDispatchAsync("GUILD_CREATE", """{"id":"2200","name":"Study"}""", seq: 5);
        await conn.SendHeartbeatRequestAsync();
        var beat = await conn.ReceiveHeartbeatAsync();
        Assert.Equal(5, beat.GetProperty("d").GetInt64());

        conn.Abort();

        var second = await NextConnectionAsync();
        Assert.Equal("/resume", second.Path);
        await second.SendHelloAsync();
        var resume = await second.ReceiveAsync();
        Assert.Equal(6, resume.GetProperty("op").GetInt32());
        Assert.Equal("session-1", resume.GetProperty("d").GetProperty("session_id").GetString());
        Assert.Equal(5, resume.GetProperty("d").GetProperty("seq").GetInt64());
        Assert.Equal(DiscordTestHost.Token, resume.GetProperty("d").GetProperty("token").GetString());
        await second.SendDispatchAsync("RESUMED", "{}", seq: 6);
        await Until(() => State.State == DiscordConnectionState.Kind.Ready, advance: TimeSpan.Zero);
        Assert.Single(Fake.RequestsTo("GET", "gateway/bot"));
    }

    [Fact]
    public async Task Run_SocketDroppedEveryTenSeconds_ResumesEachTimeAndKeepsAnswering()
    {
        var conn = await ReadyAsync();
        var button = JsonDocument.Parse(File.ReadAllText(Path.Combine("Samples", "discord", "interaction_create_button.json"))).RootElement.GetProperty("d").GetRawText();
        long seq = 1;

        for (var drop = 1; drop <= 10; drop++)
        {
            await conn.SendDispatchAsync("INTERACTION_CREATE", button, seq: ++seq);
            await Until(() => Fake.RequestsTo("POST", "interactions/").Count == drop, advance: TimeSpan.Zero);
            Time.Advance(TimeSpan.FromSeconds(10));
            conn.Abort();

            conn = await NextConnectionAsync();
            Assert.Equal("/resume", conn.Path);
            await conn.SendHelloAsync();
            var resume = await conn.ReceiveAsync();
            Assert.Equal(6, resume.GetProperty("op").GetInt32());
            Assert.Equal(seq, resume.GetProperty("d").GetProperty("seq").GetInt64());
            await conn.SendDispatchAsync("RESUMED", "{}", seq: ++seq);
            await Until(() => State.State == DiscordConnectionState.Kind.Ready, advance: TimeSpan.Zero);
        }

        await conn.SendDispatchAsync("INTERACTION_CREATE", button, seq: ++seq);
        await Until(() => Fake.RequestsTo("POST", "interactions/").Count == 11, advance: TimeSpan.Zero);
        // Every drop was resumed: one session, never a new identify (the daily identify budget is untouched).
        Assert.Single(Fake.RequestsTo("GET", "gateway/bot"));
    }

    [Fact]
    public async Task Run_Op7Reconnect_ClosesWithNon1000AndResumes()
    {
        var conn = await ReadyAsync();

        await conn.SendReconnectAsync();

        var code = await conn.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(code);
        Assert.NotEqual(1000, code);
        Assert.NotEqual(1001, code);
        var second = await NextConnectionAsync();
        await second.SendHelloAsync();
        Assert.Equal(6, (await second.ReceiveAsync()).GetProperty("op").GetInt32());
    }

    [Fact]
    public async Task Run_Op9NotResumable_WaitsThenIdentifiesOnAFreshSocket()
    {
        var conn = await ReadyAsync();

        await conn.SendInvalidSessionAsync(resumable: false);

        await conn.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(Fake.HasPendingConnection);
        var second = await NextConnectionAsync();
        Assert.Equal("/gateway", second.Path);
        await second.SendHelloAsync();
        Assert.Equal(2, (await second.ReceiveAsync()).GetProperty("op").GetInt32());
        Assert.Equal(2, Fake.RequestsTo("GET", "gateway/bot").Count);
    }

    [Fact]
    public async Task Run_Op9Resumable_Resumes()
    {
        var conn = await ReadyAsync();

        await conn.SendInvalidSessionAsync(resumable: true);

        var second = await NextConnectionAsync();
        Assert.Equal("/resume", second.Path);
        await second.SendHelloAsync();
        Assert.Equal(6, (await second.ReceiveAsync()).GetProperty("op").GetInt32());
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4003)]
    [InlineData(4005)]
    [InlineData(4008)]
    public async Task Run_ResumableCloseCode_Resumes(int code)
    {
        var conn = await ReadyAsync();

        await conn.CloseAsync(code);

        var second = await NextConnectionAsync();
        Assert.Equal("/resume", second.Path);
        await second.SendHelloAsync();
        Assert.Equal(6, (await second.ReceiveAsync()).GetProperty("op").GetInt32());
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task Run_SessionEndingCloseCode_IdentifiesAgain(int code)
    {
        var conn = await ReadyAsync();

        await conn.CloseAsync(code);

        var second = await NextConnectionAsync();
        Assert.Equal("/gateway", second.Path);
        await second.SendHelloAsync();
        Assert.Equal(2, (await second.ReceiveAsync()).GetProperty("op").GetInt32());
    }

    [Theory]
    [InlineData(4004, "Discord:Token")]
    [InlineData(4010, "Discord:ShardId")]
    [InlineData(4011, "Discord:ShardCount")]
    [InlineData(4012, "API version")]
    [InlineData(4013, "invalid intents")]
    [InlineData(4014, "disallowed intents")]
    public async Task Run_FatalCloseCode_StopsTheAdapterWithTheCause(int code, string cause)
    {
        var conn = await ReadyAsync();

        await conn.CloseAsync(code);

        await Until(() => Run.IsCompleted, advance: TimeSpan.FromSeconds(1));
        Assert.Equal(DiscordConnectionState.Kind.Stopped, State.State);
        Assert.Contains(cause, State.Reason, StringComparison.Ordinal);
        Assert.Contains(Host.Logs.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal) && l.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.False(Fake.HasPendingConnection);
        Assert.DoesNotContain(Host.Logs.Lines, l => l.Contains(DiscordTestHost.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ZombieConnection_ClosesAndResumes()
    {
        var conn = await ReadyAsync();
        conn.AutoAck = false;

        await Time.WhenArmedWithinAsync(Interval);
        Time.Advance(Interval);
        await conn.ReceiveHeartbeatAsync();
        await Time.WhenArmedAsync(Interval);
        Time.Advance(Interval);

        var code = await conn.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(DiscordGatewayClient.ZombieCloseCode, code);
        var second = await NextConnectionAsync();
        Assert.Equal("/resume", second.Path);
        await second.SendHelloAsync();
        Assert.Equal(6, (await second.ReceiveAsync()).GetProperty("op").GetInt32());
    }

    [Fact]
    public async Task Run_Stopped_ClosesWith1000AndEnds()
    {
        var conn = await ReadyAsync();

        await Stop.CancelAsync();

        Assert.Equal(1000, await conn.Closed.WaitAsync(TimeSpan.FromSeconds(10)));
        await Run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotEqual(DiscordConnectionState.Kind.Ready, State.State);
    }

    [Fact]
    public async Task Run_IdentifyBudgetUsedUp_WaitsForTheReset()
    {
        Fake.IdentifyRemaining = 0;
        Run = Host.Get<DiscordGatewayClient>().RunAsync(Stop.Token);
        await Until(() => Fake.RequestsTo("GET", "gateway/bot").Count == 1, advance: TimeSpan.Zero);
        var asked = Time.GetUtcNow();

        await Until(() => Fake.HasPendingConnection, advance: TimeSpan.FromMinutes(10));

        // reset_after is 14,400,000 ms in the fake's answer.
        Assert.True(Time.GetUtcNow() - asked >= TimeSpan.FromHours(4));
        Assert.Contains(Host.Logs.Lines, l => l.Contains("identify budget used up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_GatewayBotRejectsToken_StopsWithoutConnecting()
    {
        Fake.Responder = r => r.Path == "gateway/bot" ? new FakeDiscordResponse(401, """{"message":"401: Unauthorized","code":0}""") : null;

        Run = Host.Get<DiscordGatewayClient>().RunAsync(Stop.Token);
        await Until(() => Run.IsCompleted, advance: TimeSpan.FromSeconds(1));

        Assert.Equal(DiscordConnectionState.Kind.Stopped, State.State);
        Assert.Contains("Discord:Token", State.Reason, StringComparison.Ordinal);
        Assert.False(Fake.HasPendingConnection);
    }

    [Theory]
    [InlineData(null, "Resume")]
    [InlineData(1006, "Resume")]
    [InlineData(4000, "Resume")]
    [InlineData(4008, "Resume")]
    [InlineData(4007, "Identify")]
    [InlineData(4009, "Identify")]
    [InlineData(4004, "Stop")]
    [InlineData(4010, "Stop")]
    [InlineData(4011, "Stop")]
    [InlineData(4012, "Stop")]
    [InlineData(4013, "Stop")]
    [InlineData(4014, "Stop")]
    public void Classify_CloseCode_FollowsTheDocumentedTable(int? code, string expected) =>
        Assert.Equal(Enum.Parse<GatewayNext>(expected), DiscordGatewayClient.Classify(code, null, wasReady: true).Next);

    private async Task<FakeDiscordGatewayConnection> StartAndConnectAsync()
    {
        Run = Host.Get<DiscordGatewayClient>().RunAsync(Stop.Token);
        return await NextConnectionAsync();
    }

    [Fact]
    public async Task Interaction_ModalRefusedByDiscord_FallsBackToTheLegacyModalThenToTheAnswerCommand()
    {
        var conn = await ReadyAsync();
        Fake.Responder = r => r.Path.StartsWith("interactions/", StringComparison.Ordinal) && r.Json.GetProperty("type").GetInt32() == 9
            ? new FakeDiscordResponse(400, """{"message":"Invalid Form Body","code":50035}""")
            : null;
        var button = JsonDocument.Parse(File.ReadAllText(Path.Combine("Samples", "discord", "interaction_create_button.json"))).RootElement.GetProperty("d").GetRawText()
            .Replace("\"a:42:B\"", "\"o:42\"", StringComparison.Ordinal);

        await conn.SendDispatchAsync("INTERACTION_CREATE", button, seq: 2);
        await Until(() => Fake.RequestsTo("POST", "interactions/").Count == 3, advance: TimeSpan.Zero);

        var callbacks = Fake.RequestsTo("POST", "interactions/").Select(r => r.Json).ToList();
        Assert.Equal([9, 9, 4], callbacks.Select(c => c.GetProperty("type").GetInt32()));
        Assert.Equal(18, callbacks[0].GetProperty("data").GetProperty("components")[0].GetProperty("type").GetInt32());
        Assert.Equal(1, callbacks[1].GetProperty("data").GetProperty("components")[0].GetProperty("type").GetInt32());
        Assert.Equal(64, callbacks[2].GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal(
            "Discord would not open the answer box here, so nothing was recorded. Type your answer with `/quiz answer text:` instead (for example `/quiz answer text:42`); it answers the open question in this channel.",
            callbacks[2].GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Interaction_CallbackFailingWith500_RetriesStopAtTheThreeSecondWindow()
    {
        var conn = await ReadyAsync();
        Fake.Responder = r => r.Path.StartsWith("interactions/", StringComparison.Ordinal) ? new FakeDiscordResponse(500) : null;
        var button = JsonDocument.Parse(File.ReadAllText(Path.Combine("Samples", "discord", "interaction_create_button.json"))).RootElement.GetProperty("d").GetRawText();

        await conn.SendDispatchAsync("INTERACTION_CREATE", button, seq: 2);
        await Until(() => Fake.RequestsTo("POST", "interactions/").Count == 1, advance: TimeSpan.Zero);
        // Backoff 0.5 s then 1 s: attempts at 0, 0.5 and 1.5 s; the next (3.5 s) would be past the window.
        await Time.WhenArmedAsync(TimeSpan.FromSeconds(0.5));
        Time.Advance(TimeSpan.FromSeconds(0.5));
        await Until(() => Fake.RequestsTo("POST", "interactions/").Count == 2, advance: TimeSpan.Zero);
        await Time.WhenArmedAsync(TimeSpan.FromSeconds(1));
        Time.Advance(TimeSpan.FromSeconds(1));
        await Until(() => Host.Logs.Lines.Any(l => l.Contains("failed with 500", StringComparison.Ordinal)), advance: TimeSpan.Zero);

        Assert.Equal(3, Fake.RequestsTo("POST", "interactions/").Count);
        Assert.Equal(0, Time.ArmedFor(TimeSpan.FromSeconds(2)));
        Assert.DoesNotContain(Host.Logs.Lines, l => l.Contains("BUTTON_TOKEN", StringComparison.Ordinal));
    }

    private async Task<FakeDiscordGatewayConnection> ReadyAsync()
    {
        var conn = await StartAndConnectAsync();
        await conn.SendHelloAsync(45000);
        await conn.ReceiveAsync();
        await conn.SendReadyAsync("session-1", Fake.ResumeUrl, seq: 1);
        await Until(() => State.State == DiscordConnectionState.Kind.Ready, advance: TimeSpan.Zero);
        return conn;
    }

    /// <summary>Waits for the bot's next connection, moving the fake clock through any backoff.</summary>
    private async Task<FakeDiscordGatewayConnection> NextConnectionAsync()
    {
        await Until(() => Fake.HasPendingConnection || Run.IsCompleted, advance: TimeSpan.FromMilliseconds(500));
        Assert.False(Run.IsCompleted, "the gateway client stopped instead of reconnecting");
        return await Fake.NextConnectionAsync();
    }

    private async Task Until(Func<bool> condition, TimeSpan advance)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            if (advance > TimeSpan.Zero)
                Time.Advance(advance);
            await Task.Delay(10);
        }
        Assert.True(condition(), "condition not reached");
    }
}
