using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cl37.Bot.Platforms.Discord.Incoming;
using Cl37.Bot.Tests.Fakes;
using Microsoft.EntityFrameworkCore;
using NSec.Cryptography;

namespace Cl37.Bot.Tests.Platforms.Discord;

/// <summary>What people see on Discord, built the way production builds it: the whole app in HTTP
/// mode, signed interactions in, and every message the fake Discord receives or the endpoint
/// answers checked as the Discord client would show it.</summary>
public sealed partial class DiscordTranscriptTests : IAsyncLifetime
{
    private const string Guild = "290926798626357999";
    private const string Channel = "645027906669510667";
    private const string Nick = "b*o*b ||s||";
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private FakeDiscordServer _fake = null!;
    private QuizApp _app = null!;
    private HttpClient _http = null!;
    private long _nextId = 1300000000000000000;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscordServer.StartAsync();
        _app = new QuizApp(settings: new Dictionary<string, string?>
        {
            ["Discord:Token"] = DiscordTestHost.Token,
            ["Discord:ApplicationId"] = DiscordTestHost.ApplicationId,
            ["Discord:ApiBaseUrl"] = _fake.ApiBaseUrl,
            ["Discord:RegisterCommands"] = "false",
            ["Discord:Mode"] = "Http",
            ["Discord:PublicKey"] = Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
        });
        _http = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _fake.DisposeAsync();
        _key.Dispose();
    }

    [Fact]
    public async Task Session_QuestionAnswersRevealBoardsStatsCalcPractice_EachMessageRenderedOnceWithOneTally()
    {
        var shown = new List<(string What, string Content)>();
        shown.Add(("/quiz now reply", await CommandAsync("admin", "Admin", admin: true, "quiz", "now")));
        var question = Assert.Single(_fake.RequestsTo("POST", $"channels/{Channel}/messages"));
        shown.Add(("question", Content(question)));
        await AnswerCorrectlyAsync(question, "u1", Nick);
        await AnswerCorrectlyAsync(question, "u2", "Kim");
        shown.Add(("/quiz reveal reply", await CommandAsync("admin", "Admin", admin: true, "quiz", "reveal")));
        shown.Add(("closed question", Content(_fake.RequestsTo("PATCH", $"channels/{Channel}/messages/").Last())));
        shown.Add(("reveal", Content(_fake.RequestsTo("POST", $"channels/{Channel}/messages").Last())));
        shown.Add(("/leaderboard", await CommandAsync("u1", Nick, admin: false, "leaderboard", null)));
        shown.Add(("/stats", await CommandAsync("u1", Nick, admin: false, "stats", null)));
        shown.Add(("/calc servers", await CommandAsync("u1", Nick, admin: false, "calc", "servers", ("peak", 200), ("capacity", 50))));
        shown.Add(("/quiz practice", await CommandAsync("u1", Nick, admin: false, "quiz", "practice")));

        foreach (var (what, content) in shown)
        {
            AssertNoLineRepeats(what, content);
            Assert.True(Tallies(content) <= 1, $"{what} shows {Tallies(content)} tallies:\n{content}");
        }
        Assert.Equal(1, Tallies(shown.Single(s => s.What == "question").Content));
        Assert.Equal(1, Tallies(shown.Single(s => s.What == "closed question").Content));
        Assert.Equal(0, Tallies(shown.Single(s => s.What == "/quiz practice").Content));
        Assert.Contains("200", shown.Single(s => s.What == "/calc servers").Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_NickWithMarkdown_RendersLiterallyEverywhere()
    {
        await CommandAsync("admin", "Admin", admin: true, "quiz", "now");
        var question = Assert.Single(_fake.RequestsTo("POST", $"channels/{Channel}/messages"));
        await AnswerCorrectlyAsync(question, "u1", Nick);
        await CommandAsync("admin", "Admin", admin: true, "quiz", "reveal");
        var reveal = Content(_fake.RequestsTo("POST", $"channels/{Channel}/messages").Last());
        var board = await CommandAsync("u1", Nick, admin: false, "leaderboard", null);
        var stats = await CommandAsync("u1", Nick, admin: false, "stats", null);

        const string escaped = @"b\*o\*b \|\|s\|\|";
        Assert.Contains(escaped, reveal, StringComparison.Ordinal);
        Assert.Contains(escaped, board, StringComparison.Ordinal);
        Assert.Contains(escaped, stats, StringComparison.Ordinal);
        foreach (var content in new[] { reveal, board, stats })
            Assert.DoesNotContain(Nick, OutsideCodeBlocks(content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpCalc_OnDiscord_ShowsTheSlashCommandOptions()
    {
        var help = await CommandAsync("u1", "Kim", admin: false, "help", null, ("command", "calc"));

        Assert.Contains("**/calc weights**", help, StringComparison.Ordinal);
        Assert.Contains("`layers:`", help, StringComparison.Ordinal);
        Assert.Contains("`biases:`", help, StringComparison.Ordinal);
        Assert.Contains("Example: `/calc servers peak:200 capacity:50`", help, StringComparison.Ordinal);
        Assert.DoesNotContain("<layers", help, StringComparison.Ordinal);
        Assert.DoesNotContain("--biases", help, StringComparison.Ordinal);
        Assert.DoesNotContain("[buffer]", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadArgument_OnDiscord_ShowsTheSlashCommandOptions()
    {
        var reply = await CommandAsync("u1", "Kim", admin: false, "calc", "servers", ("peak", 200), ("capacity", 50), ("speed", 3));

        Assert.Contains("`speed` is not an option", reply, StringComparison.Ordinal);
        Assert.Contains("`peak:`", reply, StringComparison.Ordinal);
        Assert.Contains("Example: `/calc servers peak:200 capacity:50`", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("<peak>", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("[buffer]", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminCommand_FromAMemberWithoutManageServer_NamesTheDiscordRuleOnly()
    {
        var refusal = await CommandAsync("u1", "Kim", admin: false, "quiz", "reveal");

        Assert.Contains("Only admins", refusal, StringComparison.Ordinal);
        Assert.Contains("Manage Server", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("Quiz:Admins", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("Teams", refusal, StringComparison.Ordinal);
    }

    private async Task AnswerCorrectlyAsync(FakeDiscordRequest post, string user, string nick)
    {
        var control = post.Json.GetProperty("components")[0].GetProperty("components")[0];
        var customId = control.GetProperty("custom_id").GetString()!;
        var postId = long.Parse(customId.Split(':')[1], CultureInfo.InvariantCulture);
        await using var db = _app.Db();
        var questionId = await db.Posts.Where(p => p.Id == postId).Select(p => p.QuestionId).SingleAsync();
        var question = TestDeck.Deck().Questions.Single(q => q.Id == questionId);
        var (type, data) = control.GetProperty("type").GetInt32() switch
        {
            3 => (3, $$"""{"component_type":3,"custom_id":"{{customId}}","values":[{{string.Join(',', question.CorrectKeys.Select(k => $"\"{k}\""))}}]}"""),
            _ when customId.StartsWith("o:", StringComparison.Ordinal) =>
                (5, $$$"""{"custom_id":"t:{{{postId}}}","components":[{"type":18,"id":1,"component":{"type":4,"id":2,"custom_id":"answer","value":"{{{question.AnswerText.Split(' ')[0]}}}"}}]}"""),
            _ => (3, $$"""{"component_type":2,"custom_id":"a:{{postId}}:{{question.CorrectKeys[0]}}"}"""),
        };
        var reply = await SendAsync(type, Member(user, nick, admin: false), data);
        Assert.Contains("recorded", reply, StringComparison.OrdinalIgnoreCase);
    }

    private Task<string> CommandAsync(string user, string nick, bool admin, string name, string? sub, params (string Name, object Value)[] options)
    {
        var values = string.Join(',', options.Select(o => o.Value switch
        {
            int i => $$"""{"type":4,"name":"{{o.Name}}","value":{{i}}}""",
            _ => $$"""{"type":3,"name":"{{o.Name}}","value":{{JsonSerializer.Serialize(o.Value.ToString())}}}""",
        }));
        var data = sub is null
            ? $$"""{"id":"1","name":"{{name}}","type":1,"options":[{{values}}]}"""
            : $$"""{"id":"1","name":"{{name}}","type":1,"options":[{"type":1,"name":"{{sub}}","options":[{{values}}]}]}""";
        return SendAsync(2, Member(user, nick, admin), data);
    }

    private static string Member(string user, string nick, bool admin) =>
        $$"""{"user":{"id":"{{UserId(user)}}","username":"{{user}}","discriminator":"0"},"roles":[],"permissions":"{{(admin ? "32" : "0")}}","nick":{{JsonSerializer.Serialize(nick)}}}""";

    private static string UserId(string user) => (80351110224670000L + user.Sum(c => c)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Posts a signed interaction and returns what the person sees of the inline response
    /// (and of any follow-ups it needed).</summary>
    private async Task<string> SendAsync(int type, string member, string data)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var body = $$"""
            {"type":{{type}},"id":"{{id}}","application_id":"{{DiscordTestHost.ApplicationId}}","token":"tok{{id}}","version":1,
             "guild_id":"{{Guild}}","channel_id":"{{Channel}}","member":{{member}},"data":{{data}}}
            """;
        var timestamp = _app.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, DiscordInteractionsEndpoint.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body))));
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(4, json.GetProperty("type").GetInt32());
        return json.GetProperty("data").GetProperty("content").GetString()!;
    }

    private static string Content(FakeDiscordRequest request) => request.Json.GetProperty("content").GetString()!;

    private static int Tallies(string content) => TallyPattern().Count(content);

    /// <summary>Every line with words in it appears once: a message that renders the same content
    /// twice (text and card) repeats its title, prompt and options.</summary>
    private static void AssertNoLineRepeats(string what, string content)
    {
        var lines = content.Split('\n')
            .Select(l => Regex.Replace(l, @"[\\*_`#>|~\-\s]", ""))
            .Where(l => l.Length >= 6)
            .ToList();
        var repeated = lines.GroupBy(l => l).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, $"{what} repeats {string.Join(", ", repeated)}:\n{content}");
    }

    private static string OutsideCodeBlocks(string content) => CodeBlockPattern().Replace(content, "");

    [GeneratedRegex(@"\b\d+ (answers?|answered)\b")]
    private static partial Regex TallyPattern();

    [GeneratedRegex("```.*?```", RegexOptions.Singleline)]
    private static partial Regex CodeBlockPattern();
}
