using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cl37.Bot.Chat;
using Cl37.Bot.Data;
using Cl37.Bot.Platforms.Discord.Kernel;
using Cl37.Bot.Quiz;
using Cl37.Bot.Scheduling;
using Cl37.Bot.Tests.Fakes;
using Cl37.Bot.Tests.Platforms.Discord;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Cl37.Bot.Tests.Hardening;

/// <summary>End to end: one running app with Discord (the loopback fake, gateway mode),
/// Teams (a loopback Bot Connector) and the playground, each with a channel scheduled for 09:00
/// Berlin. From two minutes before posting time until ten minutes after, Discord REST fails (500,
/// 429 with retry_after, or nothing listening) while the gateway drops every 10 s, and the Bot
/// Connector fails (502 or nothing listening). The scheduled posts are retried and go out once each
/// when the platform is back, answers through the gateway and Teams invokes are recorded once,
/// health names the degraded platforms, and the playground posts and records on time throughout.
/// The clock is fake (Quartz, backoffs and rate-limit waits run on it); real waits are bounded.</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class PlatformOutageScenarioTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Monday 23 Nov 2026: 09:00 in Berlin is 08:00 UTC.
    private static readonly DateTimeOffset PostTime = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset OutageStart = PostTime.AddMinutes(-2);
    private static readonly DateTimeOffset OutageEnd = PostTime.AddMinutes(10);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly TimeSpan RealLimit = TimeSpan.FromSeconds(20);
    private const string Guild = "290926798626357999";
    private const string DiscordChannelId = "645027906669510667";
    private const string TeamId = "19:team@thread.tacv2";
    private const string TeamsChannelId = "19:quiz@thread.tacv2";
    private static readonly ChannelRef DiscordChannel = new("discord", Guild, DiscordChannelId);
    private static readonly ChannelRef TeamsChannel = new("teams", TeamId, TeamsChannelId);
    private static readonly ChannelRef PlaygroundChannel = new("playground", "local", "general");
    private static readonly ChatUser Admin = new("admin", "Admin", true);

    private readonly System.Collections.Concurrent.ConcurrentQueue<(FakeDiscordRequest Request, bool Failed)> _discordAnswers = new();
    private FakeDiscordServer _discord = null!;
    private LoopbackSwitch _discordRest = null!;
    private FakeTeamsConnector _teams = null!;
    private LoopbackSwitch _teamsLine = null!;
    private QuizApp _app = null!;
    private HttpClient _http = null!;
    private FakeDiscordGatewayConnection _gateway = null!;
    private Func<FakeDiscordRequest, FakeDiscordResponse?>? _discordFault;
    private long _seq = 1;
    private int _interactions;

    private string TeamsServiceUrl => _teamsLine.Through(_teams.BaseUri).ToString();

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscordServer.StartAsync();
        _discordRest = LoopbackSwitch.Start(_discord.BaseUri);
        _discord.Responder = r =>
        {
            var answer = _discordFault?.Invoke(r);
            _discordAnswers.Enqueue((r, answer is not null));
            return answer;
        };
        _teams = await FakeTeamsConnector.StartAsync();
        _teamsLine = LoopbackSwitch.Start(_teams.BaseUri);
        _app = new QuizApp(TestDeck.OneQuestion(), new Dictionary<string, string?>
        {
            ["Discord:Token"] = DiscordTestHost.Token,
            ["Discord:ApplicationId"] = DiscordTestHost.ApplicationId,
            ["Discord:ApiBaseUrl"] = _discordRest.Through(_discord.BaseUri) + "api/v10",
            ["Discord:RegisterCommands"] = "false",
            ["Teams:Enabled"] = "true",
            ["Playground:Enabled"] = "true",
            ["Scheduling:Enabled"] = "true",
        }, start: OutageStart.AddMinutes(-10));
        _http = _app.CreateClient();

        _gateway = await _discord.NextConnectionAsync(RealLimit);
        await _gateway.SendHelloAsync(41250);
        Assert.Equal(2, (await _gateway.ReceiveAsync()).GetProperty("op").GetInt32());
        await _gateway.SendReadyAsync("session-outage", _discord.ResumeUrl);
        await UntilAsync(() => GatewayState == DiscordConnectionState.Kind.Ready, "the gateway to be ready");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _teamsLine.DisposeAsync();
        await _teams.DisposeAsync();
        await _discordRest.DisposeAsync();
        await _discord.DisposeAsync();
    }

    [Theory]
    [InlineData("500", "502")]
    [InlineData("429", "refused")]
    [InlineData("refused", "502")]
    public async Task Outage_AroundPostingTime_PostsOnceEverywhereRecordsAnswersOnceShowsDegraded(string discordFault, string teamsFault)
    {
        await InstallTeamsAsync();
        foreach (var channel in new[] { DiscordChannel, TeamsChannel, PlaygroundChannel })
        {
            var reply = await _app.Dispatcher.DispatchTextAsync("/quiz schedule set 09:00 Europe/Berlin mon-fri window:2", channel, Admin, CancellationToken.None);
            Assert.Contains("09:00", reply.Text);
        }
        await _app.Get<ScheduleSync>().WhenIdleAsync();
        // Questions posted by hand before the outage, so there is something to answer during it.
        var discordEarlier = await PostNowAsync(DiscordChannel);
        var teamsEarlier = await PostNowAsync(TeamsChannel);
        var discordButton = ButtonFor(discordEarlier);

        await RunClockUntilAsync(OutageStart);
        StartOutage(discordFault, teamsFault);

        // 07:59, outage: answers arrive through the gateway and as Teams invokes.
        await RunClockUntilAsync(PostTime.AddMinutes(-1), dropGateway: true);
        var d1 = await ClickAsync(discordButton, "803511102246700001", "Dana");
        await AnswerCountAsync(discordEarlier, 1);
        var t1 = await InvokeAsync(teamsEarlier, "aad-t1", "Tess");
        Assert.Contains("Answer recorded", t1.Body);

        // 08:00, the clock held: the playground's question goes out on time while Discord's and
        // Teams' are stuck in their retries.
        await RunClockUntilAsync(PostTime, dropGateway: true);
        await UntilAsync(async () => (await ScheduledPostsAsync(PlaygroundChannel)).Any(p => p.MessageId is not null), "the playground's daily question");
        var playgroundPost = await ScheduledPostAsync(PlaygroundChannel);
        Assert.Equal(PostTime.UtcDateTime, playgroundPost.PostedUtc);
        Assert.NotNull(playgroundPost.MessageId);
        var playgroundAnswer = await _http.PostAsJsonAsync("/playground/api/answers",
            new { channel = "general", postId = playgroundPost.Id, values = new[] { "B" }, person = new { name = "Pat", admin = false } });
        Assert.Equal(HttpStatusCode.OK, playgroundAnswer.StatusCode);
        Assert.Contains("Answer recorded", await playgroundAnswer.Content.ReadAsStringAsync());

        // 08:01–08:06: more answers, a click delivered again and an invoke sent again; the posts are retried.
        await RunClockUntilAsync(PostTime.AddMinutes(1), dropGateway: true);
        await ClickAsync(discordButton, "803511102246700002", "Dev");
        await AnswerCountAsync(discordEarlier, 2);
        await RedeliverAsync(d1);
        var t2 = await InvokeAsync(teamsEarlier, "aad-t2", "Toni");
        Assert.Contains("Answer recorded", t2.Body);
        var t1Again = await InvokeAsync(teamsEarlier, "aad-t1", "Tess", t1.ActivityId);
        Assert.Contains("already answered", t1Again.Body);
        await RunClockUntilAsync(PostTime.AddMinutes(6), dropGateway: true);

        var discordOwed = await ScheduledPostAsync(DiscordChannel);
        var teamsOwed = await ScheduledPostAsync(TeamsChannel);
        Assert.Null(discordOwed.MessageId);
        Assert.Null(teamsOwed.MessageId);
        Assert.True(discordOwed.PostedUtc > PostTime.UtcDateTime, "the Discord post was not retried by the sweep during the outage");
        Assert.True(teamsOwed.PostedUtc > PostTime.UtcDateTime, "the Teams post was not retried by the sweep during the outage");
        if (discordFault != "refused")
            Assert.True(DiscordQuestionPosts(discordOwed.Id, failed: true).Count >= 2, "Discord saw fewer than two attempts at the daily post");
        if (teamsFault != "refused")
            Assert.True(_teams.Calls.Count(c => c.Status >= 500 && MentionsPost(c.Body, teamsOwed.Id)) >= 2, "Teams saw fewer than two attempts at the daily post");
        Assert.Empty(DiscordQuestionPosts(discordOwed.Id, failed: false));
        Assert.Empty(_teams.Sent(b => MentionsPost(b, teamsOwed.Id)));
        var degraded = await HealthAsync();
        output.WriteLine($"during the outage: {JsonSerializer.Serialize(degraded)}");
        Assert.Equal("Degraded", degraded["discord"].Status);
        Assert.Contains("Discord REST is failing", degraded["discord"].Description);
        Assert.Equal("Degraded", degraded["teams"].Status);
        // Both failing operations are named, whichever of them failed last.
        Assert.Contains("Bot Connector send failed", degraded["teams"].Description);
        Assert.Contains("Bot Connector update failed", degraded["teams"].Description);
        Assert.Equal("Healthy", degraded["database"].Status);
        Assert.Single(await PlaygroundQuestionsAsync());

        // 08:10 Discord and Teams come back; the sweep sends what is owed, once.
        await RunClockUntilAsync(OutageEnd, dropGateway: true);
        EndOutage();
        await RunClockUntilAsync(OutageEnd.AddMinutes(8));

        var discordPost = await ScheduledPostAsync(DiscordChannel);
        Assert.Single(DiscordQuestionPosts(discordPost.Id, failed: false));
        Assert.NotNull(discordPost.MessageId);
        var teamsPost = await ScheduledPostAsync(TeamsChannel);
        var teamsSent = Assert.Single(_teams.Sent(b => MentionsPost(b, teamsPost.Id)));
        Assert.Equal(teamsSent.ActivityId, teamsPost.MessageId);
        Assert.Single(await PlaygroundQuestionsAsync());
        var healthy = await HealthAsync();
        output.WriteLine($"after the outage: {JsonSerializer.Serialize(healthy)}");
        Assert.Equal("Healthy", healthy["discord"].Status);
        Assert.Equal("Healthy", healthy["teams"].Status);
        // Every drop was resumed: one session, no identify during the outage.
        Assert.Single(_discord.RequestsTo("GET", "gateway/bot"));

        // After the outage: the person whose callback failed clicks again and is told the first answer counts.
        var again = await ClickAsync(discordButton, "803511102246700001", "Dana");
        var callback = await CallbackAsync(again.Id);
        Assert.Contains("already answered", callback);
        var d3 = await ClickAsync(ButtonFor(discordPost.Id), "803511102246700003", "Dee");
        Assert.Contains("Answer recorded", await CallbackAsync(d3.Id));

        await using var db = _app.Db();
        Assert.Equal(2, await db.Answers.CountAsync(a => a.PostId == discordEarlier));
        Assert.Equal(2, await db.Answers.CountAsync(a => a.PostId == teamsEarlier));
        Assert.Equal(1, await db.Answers.CountAsync(a => a.PostId == playgroundPost.Id));
        Assert.Equal(1, await db.Answers.CountAsync(a => a.PostId == discordPost.Id));
        foreach (var (person, post) in new[] { ("803511102246700001", discordEarlier), ("aad-t1", teamsEarlier) })
        {
            var id = await db.People.Where(p => p.ExternalId == person).Select(p => p.Id).SingleAsync();
            var answer = await db.Answers.SingleAsync(a => a.PersonId == id && a.PostId == post);
            var total = await db.ScoreTotals.SingleAsync(t => t.PersonId == id && t.Period == PeriodKeys.AllTime);
            Assert.Equal(1, total.Answered);
            Assert.Equal(answer.Points, total.Points);
        }
        // The hand-posted questions were closed when the daily ones went out, once each.
        foreach (var earlier in new[] { discordEarlier, teamsEarlier })
        {
            var row = await db.Posts.AsNoTracking().SingleAsync(p => p.Id == earlier);
            Assert.NotNull(row.RevealedUtc);
            Assert.NotNull(row.RevealMessageId);
        }
        Assert.Single(_teams.Sent(b => b.Contains("Reveal", StringComparison.Ordinal)));
        Assert.Single(_discordAnswers, a => !a.Failed && a.Request.Method == "POST" && a.Request.Path == $"channels/{DiscordChannelId}/messages"
            && a.Request.Body.Contains("Reveal", StringComparison.Ordinal));
        Assert.Equal(3, await db.Posts.CountAsync(p => p.ScheduledDate == Today));
    }

    private void StartOutage(string discordFault, string teamsFault)
    {
        output.WriteLine($"{_app.Clock.GetUtcNow():HH:mm:ss} outage: Discord {discordFault}, Teams {teamsFault}");
        switch (discordFault)
        {
            case "500":
                _discordFault = _ => new FakeDiscordResponse(500, """{"message":"500: Internal Server Error","code":0}""");
                break;
            case "429":
                _discordFault = _ => FakeDiscordResponse.RateLimited(30, global: false);
                break;
            default:
                _discordRest.Off();
                break;
        }
        if (teamsFault == "502")
            _teams.Responder = (_, _) => 502;
        else
            _teamsLine.Off();
    }

    private void EndOutage()
    {
        output.WriteLine($"{_app.Clock.GetUtcNow():HH:mm:ss} outage over");
        _discordFault = null;
        _discordRest.On();
        _teams.Responder = null;
        _teamsLine.On();
    }

    /// <summary>Moves the fake clock a second at a time (Quartz, backoffs and rate-limit waits run on
    /// it), optionally dropping the gateway every 10 s and resuming it.</summary>
    private async Task RunClockUntilAsync(DateTimeOffset until, bool dropGateway = false)
    {
        while (_app.Clock.GetUtcNow() < until)
        {
            _app.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(4);
            if (dropGateway && _app.Clock.GetUtcNow().Second % 10 == 0)
                await DropAndResumeAsync();
        }
    }

    private async Task DropAndResumeAsync()
    {
        _gateway.Abort();
        var next = await _discord.NextConnectionAsync(RealLimit);
        await next.SendHelloAsync(41250);
        var opening = await next.ReceiveAsync(RealLimit);
        Assert.Equal(6, opening.GetProperty("op").GetInt32());
        Assert.Equal(_seq, opening.GetProperty("d").GetProperty("seq").GetInt64());
        await next.SendDispatchAsync("RESUMED", "{}", ++_seq);
        _gateway = next;
        await UntilAsync(() => GatewayState == DiscordConnectionState.Kind.Ready, "the gateway to resume");
    }

    private DiscordConnectionState.Kind GatewayState => _app.Get<DiscordConnectionState>().State;

    private async Task InstallTeamsAsync()
    {
        var install = Activity("installationUpdate", Guid.NewGuid().ToString(), "aad-owner", "Owner", """ "action":"add" """);
        using var response = await _http.PostAsync("/api/messages", new StringContent(install, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await UntilAsync(async () => await _app.Get<ChannelDirectory>().GetPlatformDataAsync(TeamsChannel, CancellationToken.None) is not null, "the Teams install to be stored");
    }

    private async Task<long> PostNowAsync(ChannelRef channel)
    {
        var reply = await _app.Dispatcher.DispatchTextAsync("/quiz now", channel, Admin, CancellationToken.None);
        Assert.StartsWith("✅", reply.Text, StringComparison.Ordinal);
        await using var db = _app.Db();
        return await (from p in db.Posts
                      join c in db.Channels on p.ChannelId equals c.Id
                      where c.ExternalId == channel.ChannelId && p.ScheduledDate == null && p.MessageId != null
                      orderby p.Id descending
                      select p.Id).FirstAsync();
    }

    private string ButtonFor(long postId)
    {
        var created = _discordAnswers.Last(a => !a.Failed && a.Request.Method == "POST" && a.Request.Path == $"channels/{DiscordChannelId}/messages"
            && a.Request.Body.Contains($"\"a:{postId}:", StringComparison.Ordinal));
        return created.Request.Json.GetProperty("components").EnumerateArray()
            .SelectMany(row => row.GetProperty("components").EnumerateArray())
            .Select(c => c.GetProperty("custom_id").GetString()!)
            .Single(id => id.EndsWith(":B", StringComparison.Ordinal));
    }

    private sealed record Click(string Id, string Json);

    private async Task<Click> ClickAsync(string customId, string userId, string name)
    {
        var id = (1300000000000000000L + Interlocked.Increment(ref _interactions)).ToString(CultureInfo.InvariantCulture);
        var json = $$$"""
            {"type":3,"id":"{{{id}}}","application_id":"{{{DiscordTestHost.ApplicationId}}}","token":"tok{{{id}}}","version":1,
             "guild_id":"{{{Guild}}}","channel_id":"{{{DiscordChannelId}}}",
             "member":{"user":{"id":"{{{userId}}}","username":"{{{name}}}","discriminator":"0"},"roles":[],"permissions":"0","nick":null},
             "data":{"component_type":2,"custom_id":"{{{customId}}}"}}
            """;
        await _gateway.SendDispatchAsync("INTERACTION_CREATE", json, ++_seq);
        return new Click(id, json);
    }

    /// <summary>The same INTERACTION_CREATE again, as a replay after a resume would bring it.</summary>
    private async Task RedeliverAsync(Click click)
    {
        await _gateway.SendDispatchAsync("INTERACTION_CREATE", click.Json, ++_seq);
        await _gateway.SyncAsync();
    }

    private async Task<string> CallbackAsync(string interactionId)
    {
        await UntilAsync(() => _discordAnswers.Any(a => !a.Failed && a.Request.Path.StartsWith($"interactions/{interactionId}/", StringComparison.Ordinal)), "the interaction callback");
        var callback = _discordAnswers.Single(a => !a.Failed && a.Request.Path.StartsWith($"interactions/{interactionId}/", StringComparison.Ordinal));
        return callback.Request.Json.GetProperty("data").GetProperty("content").GetString()!;
    }

    private async Task<(string Body, string ActivityId)> InvokeAsync(long postId, string aad, string name, string? activityId = null)
    {
        activityId ??= Guid.NewGuid().ToString();
        var invoke = Activity("invoke", activityId, aad, name,
            $$$""" "name":"adaptiveCard/action","value":{"action":{"type":"Action.Execute","verb":"answer","data":{"cl37":"answer","post":{{{postId}}},"value":"B"} } } """);
        using var response = await _http.PostAsync("/api/messages", new StringContent(invoke, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), activityId);
    }

    private string Activity(string type, string id, string aad, string name, string extra) => $$$"""
        {"type":"{{{type}}}","id":"{{{id}}}","channelId":"msteams","serviceUrl":"{{{TeamsServiceUrl}}}",
         "from":{"id":"29:{{{aad}}}","name":"{{{name}}}","aadObjectId":"{{{aad}}}"},
         "recipient":{"id":"28:quiz-bot","name":"Quiz Bot"},
         "conversation":{"conversationType":"channel","tenantId":"tenant-1","id":"{{{TeamsChannelId}}}"},
         "channelData":{"team":{"id":"{{{TeamId}}}"},"channel":{"id":"{{{TeamsChannelId}}}"},"tenant":{"id":"tenant-1"}},
         {{{extra}}}}
        """;

    private List<(FakeDiscordRequest Request, bool Failed)> DiscordQuestionPosts(long postId, bool failed) =>
        _discordAnswers.Where(a => a.Failed == failed && a.Request.Method == "POST" && a.Request.Path == $"channels/{DiscordChannelId}/messages"
            && a.Request.Body.Contains($"\"a:{postId}:", StringComparison.Ordinal)).ToList();

    private static bool MentionsPost(string body, long postId) =>
        Regex.IsMatch(body, $"\"post\":{postId}\\b") && !body.Contains("Reveal", StringComparison.Ordinal);

    private async Task<QuestionPost> ScheduledPostAsync(ChannelRef channel) => Assert.Single(await ScheduledPostsAsync(channel));

    private async Task<List<QuestionPost>> ScheduledPostsAsync(ChannelRef channel)
    {
        await using var db = _app.Db();
        return await (from p in db.Posts.AsNoTracking()
                      join c in db.Channels on p.ChannelId equals c.Id
                      join g in db.Groups on c.GroupId equals g.Id
                      where g.Platform == channel.Platform && c.ExternalId == channel.ChannelId && p.ScheduledDate == Today
                      select p).ToListAsync();
    }

    private async Task AnswerCountAsync(long postId, int count)
    {
        await UntilAsync(async () =>
        {
            await using var db = _app.Db();
            return await db.Answers.CountAsync(a => a.PostId == postId) >= count;
        }, $"{count} answers to post {postId}");
    }

    private async Task<List<JsonElement>> PlaygroundQuestionsAsync()
    {
        var history = await _http.GetFromJsonAsync<JsonElement>("/playground/api/messages?channel=general");
        return history.GetProperty("messages").EnumerateArray()
            .Where(m => m.TryGetProperty("card", out var card) && card.GetProperty("kind").GetString() == "question").ToList();
    }

    private sealed record Entry(string Status, string? Description);

    private async Task<Dictionary<string, Entry>> HealthAsync()
    {
        using var response = await _http.GetAsync("/health/ready");
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        return report.GetProperty("checks").EnumerateArray().ToDictionary(
            e => e.GetProperty("name").GetString()!,
            e => new Entry(e.GetProperty("status").GetString()!, e.TryGetProperty("description", out var d) ? d.GetString() : null));
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        using var limit = new CancellationTokenSource(RealLimit);
        while (!await condition())
        {
            if (limit.IsCancellationRequested)
                Assert.Fail($"Timed out after {RealLimit.TotalSeconds} s waiting for {what}.");
            await Task.Delay(10);
        }
    }

    private static Task UntilAsync(Func<bool> condition, string what) => UntilAsync(() => Task.FromResult(condition()), what);
}
