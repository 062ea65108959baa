using Microsoft.AspNetCore.TestHost;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Commands;
using Cl37.Bot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Cl37.Bot.Tests.Platforms.Playground;

public sealed class PlaygroundApiTests : IAsyncLifetime
{
    private readonly PlaygroundApp _app = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _app.CreateClient(new() { AllowAutoRedirect = false });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    private static object Person(string name, bool admin = false) => new { name, admin };

    private Task<HttpResponseMessage> CommandAsync(string text, string name = "Alice", bool admin = false) =>
        _client.PostAsJsonAsync("/playground/api/commands", new { channel = "general", text, person = Person(name, admin) });

    private Task<HttpResponseMessage> AnswerAsync(long postId, string name, params string[] values) =>
        _client.PostAsJsonAsync("/playground/api/answers", new { channel = "general", postId, values, person = Person(name) });

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private async Task<JsonElement[]> HistoryAsync()
    {
        var history = await JsonAsync(await _client.GetAsync("/playground/api/messages?channel=general"));
        return [.. history.GetProperty("messages").EnumerateArray()];
    }

    [Fact]
    public async Task CommandWithFile_DeckAddThenConfirm_PreviewsAndPutsTheDeckInService()
    {
        var gift = Convert.ToBase64String(Encoding.UTF8.GetBytes("::cell-1::Which organelle makes most of a cell's ATP? {=Mitochondrion ~Ribosome ~Nucleus}\n"));

        var added = await _client.PostAsJsonAsync("/playground/api/commands/file",
            new { channel = "general", text = "/quiz deck add", person = Person("Tutor", admin: true), file = new { name = "bio.gift", mediaType = "text/plain", contentBase64 = gift } });
        var confirmed = await CommandAsync("/quiz deck confirm", "Tutor", admin: true);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.StartsWith("**Deck preview: bio** (`bio.gift`, GIFT)\n1 question: 1 single choice\n",
            (await JsonAsync(added)).GetProperty("reply").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("✅ Deck **bio** is in service for this group (version 1)",
            (await JsonAsync(confirmed)).GetProperty("reply").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandWithFile_BodyOverTheUploadLimit_IsRefusedWith413()
    {
        var big = Convert.ToBase64String(new byte[5 * 1024 * 1024]);

        var response = await _client.PostAsJsonAsync("/playground/api/commands/file",
            new { channel = "general", text = "/quiz deck add", person = Person("Tutor", admin: true), file = new { name = "big.md", contentBase64 = big } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Command_FileOnThePlainEndpoint_IsNotTakenAndTheCommandSaysToAttachIt()
    {
        var response = await CommandAsync("/quiz deck add file:bio.gift", "Tutor", admin: true);

        Assert.StartsWith("`file` needs the file itself attached to the command",
            (await JsonAsync(response)).GetProperty("reply").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_Get_RedirectsToThePage()
    {
        var response = await _client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/playground/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Page_Get_ServesHtmlWithStrictContentSecurityPolicy()
    {
        var response = await _client.GetAsync("/playground/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"/playground/app.js\" defer></script>", html);
        Assert.Contains("<label for=\"command\"", html);
    }

    [Fact]
    public async Task Assets_GetScriptTwice_SecondIsNotModified()
    {
        var first = await _client.GetAsync("/playground/app.js");
        Assert.Equal("text/javascript", first.Content.Headers.ContentType!.MediaType);
        Assert.Contains("EventSource", await first.Content.ReadAsStringAsync());

        var again = new HttpRequestMessage(HttpMethod.Get, "/playground/app.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await _client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/playground/nope.js")).StatusCode);
    }

    [Fact]
    public async Task Commands_Get_ListsTheSharedCatalogWithOptions()
    {
        var commands = await JsonAsync(await _client.GetAsync("/playground/api/commands"));

        Assert.Equal(CommandRegistrations.Catalog().All.Select(c => c.Name), commands.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var calc = commands.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "calc");
        var servers = calc.GetProperty("subCommands").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "servers");
        var peak = servers.GetProperty("options")[0];
        Assert.Equal("peak", peak.GetProperty("name").GetString());
        Assert.Equal("number", peak.GetProperty("kind").GetString());
        Assert.True(peak.GetProperty("required").GetBoolean());
        Assert.Equal("/calc servers peak:… capacity:… [buffer:…]", servers.GetProperty("usage").GetString());
        var reveal = commands.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "quiz")
            .GetProperty("subCommands").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "reveal");
        Assert.True(reveal.GetProperty("adminOnly").GetBoolean());
    }

    [Fact]
    public async Task Command_Calc_PostsPublicStepsCardToEveryListener()
    {
        await using var tab = await PlaygroundEventStream.OpenAsync(_client);
        var reset = await tab.NextAsync();
        Assert.Equal("reset", reset.Type);
        Assert.Empty(reset.Data.GetProperty("messages").EnumerateArray());

        var response = await CommandAsync("/calc servers 200 50");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.False(body.TryGetProperty("reply", out _));
        var posted = await tab.NextAsync();
        Assert.Equal("post", posted.Type);
        Assert.Equal(body.GetProperty("postedId").GetString(), posted.Data.GetProperty("id").GetString());
        var card = posted.Data.GetProperty("card");
        Assert.Equal("steps", card.GetProperty("kind").GetString());
        Assert.Contains("4", card.GetProperty("answer").GetString());
        Assert.NotEmpty(card.GetProperty("steps").EnumerateArray());
        Assert.Equal("Alice", posted.Data.GetProperty("invokedBy").GetProperty("name").GetString());
        Assert.Equal("/calc servers 200 50", posted.Data.GetProperty("invokedBy").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Command_PrivateReply_ReturnedToCallerOnlyAndNeverBroadcast()
    {
        await using var tab = await PlaygroundEventStream.OpenAsync(_client);
        await tab.NextAsync();

        var help = await JsonAsync(await CommandAsync("/help", "Bob"));
        var unknown = await JsonAsync(await CommandAsync("/dance now", "Bob"));
        await CommandAsync("/calc servers 200 50", "Carol");

        Assert.True(help.GetProperty("reply").GetProperty("private").GetBoolean());
        Assert.Equal("bob", help.GetProperty("userId").GetString());
        Assert.Contains("/help", unknown.GetProperty("reply").GetProperty("text").GetString());
        // The next event any tab sees is Carol's public answer: Bob's private replies never reached the stream.
        var next = await tab.NextAsync();
        Assert.Equal("Carol", next.Data.GetProperty("invokedBy").GetProperty("name").GetString());
        var history = await HistoryAsync();
        Assert.Single(history);
        Assert.All(history, m => Assert.False(m.GetProperty("private").GetBoolean()));
    }

    [Fact]
    public async Task Quiz_PostAnswerByThreeAndReveal_TallyAndRevealReachTheChannel()
    {
        await using var tab = await PlaygroundEventStream.OpenAsync(_client);
        await tab.NextAsync();

        var notAdmin = await JsonAsync(await CommandAsync("/quiz reveal", "Dora"));
        Assert.Contains("Only admins", notAdmin.GetProperty("reply").GetProperty("text").GetString());

        var posted = await JsonAsync(await CommandAsync("/quiz now", "Tutor", admin: true));
        Assert.Contains("✅", posted.GetProperty("reply").GetProperty("text").GetString());
        var question = await tab.NextAsync();
        Assert.Equal("post", question.Type);
        var card = question.Data.GetProperty("card");
        Assert.Equal("question", card.GetProperty("kind").GetString());
        Assert.Equal("singleChoice", card.GetProperty("input").GetString());
        var postId = card.GetProperty("postId").GetInt64();
        var messageId = question.Data.GetProperty("id").GetString();

        var replies = new List<JsonElement>();
        foreach (var (name, pick) in new[] { ("Ann", "B"), ("Ben", "A"), ("Cy", "B") })
            replies.Add(await JsonAsync(await AnswerAsync(postId, name, pick)));

        Assert.All(replies, r => Assert.True(r.GetProperty("reply").GetProperty("private").GetBoolean()));
        Assert.Contains("**B**", replies[0].GetProperty("reply").GetProperty("text").GetString());
        Assert.Equal(["ann", "ben", "cy"], replies.Select(r => r.GetProperty("userId").GetString()));
        var tally = await NextUpdateAsync(tab, messageId!, u => u.GetProperty("card").GetProperty("answeredCount").GetInt32() == 3);
        Assert.False(tally.GetProperty("card").GetProperty("closed").GetBoolean());

        var revealed = await JsonAsync(await CommandAsync("/quiz reveal", "Tutor", admin: true));
        Assert.Contains("Revealed", revealed.GetProperty("reply").GetProperty("text").GetString());
        var events = new List<(string Type, JsonElement Data)>();
        while (!events.Any(e => e.Type == "post" && e.Data.GetProperty("card").GetProperty("kind").GetString() == "reveal")
            || !events.Any(e => e.Type == "update" && e.Data.GetProperty("card").GetProperty("closed").GetBoolean()))
            events.Add(await tab.NextAsync());

        var reveal = events.First(e => e.Type == "post" && e.Data.GetProperty("card").GetProperty("kind").GetString() == "reveal").Data.GetProperty("card");
        Assert.Equal(3, reveal.GetProperty("answeredCount").GetInt32());
        Assert.Equal(2, reveal.GetProperty("correctCount").GetInt32());
        var counts = reveal.GetProperty("options").EnumerateArray().ToDictionary(o => o.GetProperty("key").GetString()!, o => o.GetProperty("count").GetInt32());
        Assert.Equal(1, counts["A"]);
        Assert.Equal(2, counts["B"]);
    }

    [Fact]
    public async Task Practice_PrivateQuestion_AnsweredPrivatelyAndNeverInTheChannel()
    {
        var practice = await JsonAsync(await CommandAsync("/quiz practice", "Eve"));

        var reply = practice.GetProperty("reply");
        Assert.True(reply.GetProperty("private").GetBoolean());
        var card = reply.GetProperty("card");
        Assert.Equal("question", card.GetProperty("kind").GetString());
        var answer = await JsonAsync(await AnswerAsync(card.GetProperty("postId").GetInt64(), "Eve", "B"));
        Assert.True(answer.GetProperty("reply").GetProperty("private").GetBoolean());
        Assert.Empty(await HistoryAsync());
    }

    private static async Task<JsonElement> NextUpdateAsync(PlaygroundEventStream tab, string messageId, Func<JsonElement, bool> match)
    {
        for (var i = 0; i < 50; i++)
        {
            var (type, data) = await tab.NextAsync();
            if (type == "update" && data.GetProperty("id").GetString() == messageId && match(data))
                return data;
        }
        throw new Xunit.Sdk.XunitException("No matching update arrived.");
    }

    [Fact]
    public async Task Command_ScriptInNameAndText_NeverReturnedAsRawHtml()
    {
        const string name = "<script>alert(1)</script>";
        var response = await CommandAsync("/calc servers 200 50 <img src=x onerror=alert(1)>", name);
        await CommandAsync("/calc servers 200 50", name);

        var raw = await (await _client.GetAsync("/playground/api/messages?channel=general")).Content.ReadAsStringAsync();
        var privateRaw = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", privateRaw, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\\u003Cscript\\u003E", raw);
        var history = await HistoryAsync();
        Assert.Equal(name, history.Single().GetProperty("invokedBy").GetProperty("name").GetString());
    }

    public static TheoryData<string, string, string, HttpStatusCode, string> BadRequests => new()
    {
        { "/playground/api/commands", "application/json", "{not json", HttpStatusCode.BadRequest, "not valid JSON" },
        { "/playground/api/commands", "application/json", "", HttpStatusCode.BadRequest, "empty" },
        { "/playground/api/commands", "application/json", "null", HttpStatusCode.BadRequest, "JSON object" },
        { "/playground/api/commands", "application/json", "[1,2]", HttpStatusCode.BadRequest, "not valid JSON" },
        { "/playground/api/commands", "application/json", "{\"text\":\"/help\"}", HttpStatusCode.BadRequest, "`person` is missing" },
        { "/playground/api/commands", "application/json", "{\"text\":\"/help\",\"person\":{\"name\":\"  \"}}", HttpStatusCode.BadRequest, "`person.name` is missing" },
        { "/playground/api/commands", "application/json", "{\"text\":\"/help\",\"person\":{\"name\":\"" + new string('x', 41) + "\"}}", HttpStatusCode.BadRequest, "too long" },
        { "/playground/api/commands", "application/json", "{\"text\":\"/help\",\"person\":{\"name\":\"a\\u0000b\"}}", HttpStatusCode.BadRequest, "control characters" },
        { "/playground/api/commands", "application/json", "{\"text\":\"/help\",\"person\":{\"name\":\"!!!\"}}", HttpStatusCode.BadRequest, "letter or digit" },
        { "/playground/api/commands", "application/json", "{\"person\":{\"name\":\"Al\"}}", HttpStatusCode.BadRequest, "`text` is missing" },
        { "/playground/api/commands", "application/json", "{\"text\":5,\"person\":{\"name\":\"Al\"}}", HttpStatusCode.BadRequest, "$.text" },
        { "/playground/api/commands", "application/json", "{\"channel\":\"secret\",\"text\":\"/help\",\"person\":{\"name\":\"Al\"}}", HttpStatusCode.BadRequest, "no channel `secret`" },
        { "/playground/api/commands", "text/plain", "{\"text\":\"/help\",\"person\":{\"name\":\"Al\"}}", HttpStatusCode.UnsupportedMediaType, "application/json" },
        { "/playground/api/answers", "application/json", "{\"values\":[\"A\"],\"person\":{\"name\":\"Al\"}}", HttpStatusCode.BadRequest, "`postId` is missing" },
        { "/playground/api/answers", "application/json", "{\"postId\":\"x\",\"values\":[\"A\"],\"person\":{\"name\":\"Al\"}}", HttpStatusCode.BadRequest, "$.postId" },
        { "/playground/api/commands", "application/json", "{\"text\":\"" + new string('x', 20_000) + "\",\"person\":{\"name\":\"Al\"}}", HttpStatusCode.RequestEntityTooLarge, "too large" },
        { "/playground/api/messages?channel=nope", "", "", HttpStatusCode.BadRequest, "no channel `nope`" },
        { "/playground/api/events?channel=nope", "", "", HttpStatusCode.BadRequest, "no channel `nope`" },
    };

    [Theory]
    [InlineData("[]", "answer was empty")]
    [InlineData("[null]", "answer was empty")]
    [InlineData("[\"A\",\"A\",\"A\",\"A\",\"A\",\"A\",\"A\",\"A\",\"A\",\"A\",\"A\",\"A\",\"A\",\"A\",\"A\",\"A\",\"A\",\"A\",\"A\",\"A\",\"A\",\"A\",\"A\",\"A\",\"A\",\"A\",\"A\"]", "at most 26")]
    public async Task Answer_OverTheLimits_ThePipelineRepliesWithTheProblem(string values, string message)
    {
        var content = new StringContent("{\"postId\":1,\"values\":" + values + ",\"person\":{\"name\":\"Al\"}}", Encoding.UTF8, "application/json");

        var response = await _client.PostAsync("/playground/api/answers", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await JsonAsync(response)).GetProperty("reply").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Request_Malformed_ClientErrorWithMessage(string path, string contentType, string body, HttpStatusCode status, string message)
    {
        HttpResponseMessage response;
        if (contentType.Length == 0)
        {
            response = await _client.GetAsync(path);
        }
        else
        {
            var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
            response = await _client.PostAsync(path, content);
        }

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(message, (await JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Request_InvalidUtf8_BadRequest()
    {
        var content = new ByteArrayContent([.. "{\"text\":\""u8.ToArray(), 0xC3, 0x28, .. "\",\"person\":{\"name\":\"Al\"}}"u8.ToArray()]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await _client.PostAsync("/playground/api/commands", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/playground/api/answers", "{\"postId\":1,\"values\":[\"A\"],\"person\":{\"name\":\"Al\"}}", "Your answer was **not saved**")]
    [InlineData("/playground/api/commands", "{\"text\":\"/quiz practice\",\"person\":{\"name\":\"Al\"}}", "Not saved")]
    public async Task Request_StorageCannotWrite_Answers503WithTheReply(string path, string body, string expected)
    {
        await using var failing = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<IInboundHandler>(new ThrowingHandler(new Microsoft.Data.Sqlite.SqliteException("database or disk is full", 13)))));
        using var client = failing.CreateClient();

        var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    private sealed class ThrowingHandler(Exception exception) : IInboundHandler
    {
        public Task<OutgoingMessage?> HandleAsync(Inbound request, CancellationToken cancellationToken) => throw exception;
    }

    [Fact]
    public async Task Request_ChunkedBodyOverLimit_PayloadTooLarge()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"text\":\"" + new string('x', 40_000) + "\"}")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/playground/api/commands") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Config_Get_ListsChannelsAndLimits()
    {
        var config = await JsonAsync(await _client.GetAsync("/playground/api/config"));

        Assert.Equal("local", config.GetProperty("room").GetString());
        Assert.Equal(["general"], config.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.True(config.GetProperty("allowAdminSwitch").GetBoolean());
        Assert.Equal(40, config.GetProperty("maxNameLength").GetInt32());
    }

    [Fact]
    public void Platform_Registered_UnderItsName()
    {
        var platforms = _app.Services.GetServices<IChatPlatform>().Select(p => p.Name);

        Assert.Contains("playground", platforms);
    }
}
