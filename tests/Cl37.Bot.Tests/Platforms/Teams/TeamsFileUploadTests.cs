using System.Text.Json;
using System.Text.Json.Nodes;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams;
using Cl37.Bot.Platforms.Teams.Incoming;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Cl37.Bot.Platforms.Teams.Wire;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Platforms.Teams;

/// <summary>A CSV export in Teams: a FileConsentCard in the 1:1 chat, the person's Allow, the upload
/// to the URL Teams names, and the FileInfoCard that shows the file.</summary>
public sealed class TeamsFileUploadTests
{
    private const string Csv = "rank,name\n1,Ann\n";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly TeamsTestKit _kit;

    public TeamsFileUploadTests()
    {
        _kit = new TeamsTestKit(_time);
        _kit.Sink.CommandReply = OutgoingMessage.PrivateText("**Leaderboard** — CSV export: board.csv") with
        {
            Files = [FileAttachment.Text("board.csv", "text/csv", Csv)],
        };
    }

    private async Task<JsonObject> ConsentCardAsync(TeamsActivityHandler handler)
    {
        await handler.HandleAsync(TeamsActivityHandlerTests.Sample("message-personal"), default);
        var sent = JsonNode.Parse(Assert.Single(_kit.Http.Requests).Body!)!.AsObject();
        return sent;
    }

    private static Activity Consent(string action, string offer, string uploadUrl)
    {
        var invoke = TeamsActivityHandlerTests.Sample("message-personal");
        invoke.Type = "invoke";
        invoke.Name = "fileConsent/invoke";
        invoke.Text = null;
        invoke.Value = JsonSerializer.SerializeToElement(new JsonObject
        {
            ["type"] = "fileUpload",
            ["action"] = action,
            ["context"] = new JsonObject { ["offer"] = offer },
            ["uploadInfo"] = new JsonObject
            {
                ["contentUrl"] = "https://contoso-my.sharepoint.com/personal/ann/Documents/Applications/board.csv",
                ["name"] = "board.csv",
                ["uploadUrl"] = uploadUrl,
                ["uniqueId"] = "1150D938-8870-4044-9F2C-5BBDEBA70C9D",
                ["fileType"] = "csv",
            },
        });
        return invoke;
    }

    [Fact]
    public async Task HandleAsync_ReplyWithAFileInThePersonalChat_OffersItWithAFileConsentCard()
    {
        var sent = await ConsentCardAsync(_kit.Handler());

        Assert.Contains("CSV export: board.csv", sent["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var card = Assert.Single(sent["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.teams.card.file.consent", card["contentType"]!.GetValue<string>());
        Assert.Equal("board.csv", card["name"]!.GetValue<string>());
        Assert.Equal(Csv.Length, card["content"]!["sizeInBytes"]!.GetValue<long>());
        Assert.Equal(card["content"]!["acceptContext"]!["offer"]!.GetValue<string>(), card["content"]!["declineContext"]!["offer"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleInvokeAsync_Accepted_UploadsTheBytesAndSendsAFileInfoCard()
    {
        var handler = _kit.Handler();
        var offer = (await ConsentCardAsync(handler))["attachments"]![0]!["content"]!["acceptContext"]!["offer"]!.GetValue<string>();

        var result = await handler.HandleInvokeAsync(Consent("accept", offer, "http://127.0.0.1:9/upload/board.csv"), default);

        Assert.Equal(200, result.Status);
        Assert.Null(result.Body);
        var upload = _kit.Http.Requests[1];
        Assert.Equal((HttpMethod.Put, "http://127.0.0.1:9/upload/board.csv", Csv), (upload.Method, upload.Url, upload.Body));
        Assert.Null(upload.Authorization);
        Assert.Equal($"bytes 0-{Csv.Length - 1}/{Csv.Length}", upload.ContentRange);
        var info = JsonNode.Parse(_kit.Http.Requests[2].Body!)!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.teams.card.file.info", info["contentType"]!.GetValue<string>());
        Assert.Equal("https://contoso-my.sharepoint.com/personal/ann/Documents/Applications/board.csv", info["contentUrl"]!.GetValue<string>());
        Assert.Equal("board.csv", info["name"]!.GetValue<string>());
        Assert.Equal("csv", info["content"]!["fileType"]!.GetValue<string>());
        Assert.Equal("1150D938-8870-4044-9F2C-5BBDEBA70C9D", info["content"]!["uniqueId"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleInvokeAsync_AcceptedTwice_SecondSaysTheFileIsGone()
    {
        var handler = _kit.Handler();
        var offer = (await ConsentCardAsync(handler))["attachments"]![0]!["content"]!["acceptContext"]!["offer"]!.GetValue<string>();
        await handler.HandleInvokeAsync(Consent("accept", offer, "http://127.0.0.1:9/upload/board.csv"), default);

        await handler.HandleInvokeAsync(Consent("accept", offer, "http://127.0.0.1:9/upload/board.csv"), default);

        Assert.Equal(4, _kit.Http.Requests.Count);
        Assert.Contains("no longer waiting for you", _kit.Http.Requests[3].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleInvokeAsync_Declined_UploadsNothing()
    {
        var handler = _kit.Handler();
        var offer = (await ConsentCardAsync(handler))["attachments"]![0]!["content"]!["acceptContext"]!["offer"]!.GetValue<string>();

        var result = await handler.HandleInvokeAsync(Consent("decline", offer, "http://127.0.0.1:9/upload/board.csv"), default);

        Assert.Equal(200, result.Status);
        Assert.Single(_kit.Http.Requests);
    }

    [Fact]
    public async Task HandleInvokeAsync_AcceptedAfterAnHour_SaysToRunTheCommandAgain()
    {
        var handler = _kit.Handler();
        var offer = (await ConsentCardAsync(handler))["attachments"]![0]!["content"]!["acceptContext"]!["offer"]!.GetValue<string>();
        _time.Advance(TeamsFileOffers.Lifetime + TimeSpan.FromSeconds(1));

        await handler.HandleInvokeAsync(Consent("accept", offer, "http://127.0.0.1:9/upload/board.csv"), default);

        Assert.Equal(2, _kit.Http.Requests.Count);
        Assert.Contains("run the command again", _kit.Http.Requests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleInvokeAsync_UploadUrlNotHttps_IsNotCalled()
    {
        var handler = _kit.Handler();
        var offer = (await ConsentCardAsync(handler))["attachments"]![0]!["content"]!["acceptContext"]!["offer"]!.GetValue<string>();

        await handler.HandleInvokeAsync(Consent("accept", offer, "http://files.example.com/upload"), default);

        Assert.Equal(2, _kit.Http.Requests.Count);
        Assert.DoesNotContain(_kit.Http.Requests, r => r.Method == HttpMethod.Put);
    }

    [Fact]
    public void Manifest_Bot_SupportsFiles() =>
        Assert.Contains("\"supportsFiles\":true", TeamsManifest.Build("00000000-0000-0000-0000-000000000001", Cl37.Bot.Commands.CommandRegistrations.Catalog()).ToJsonString(), StringComparison.Ordinal);
}
