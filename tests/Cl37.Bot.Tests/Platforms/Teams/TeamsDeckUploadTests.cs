using System.Text;
using System.Text.Json.Nodes;
using Cl37.Bot.Tests.Fakes;
using static Cl37.Bot.Tests.Platforms.Teams.TeamsAppSession;

namespace Cl37.Bot.Tests.Platforms.Teams;

/// <summary>A deck sent to the bot in the admin's Teams 1:1 chat, as Microsoft documents the file
/// flow for bots (a file.download.info attachment whose downloadUrl the bot reads with a plain GET,
/// here on the loopback connector), then confirmed in a channel of the team.</summary>
public sealed class TeamsDeckUploadTests
{
    private const string Gift = "::cell-1::Which organelle makes most of a cell's ATP? {=Mitochondrion ~Ribosome ~Nucleus}\n";
    private const string Chat = "a:tutor-chat";

    private static JsonObject WithFile(JsonObject message, TeamsAppSession teams, string path, string name = "bio.gift")
    {
        teams.Connector.Files[path] = Encoding.UTF8.GetBytes(Gift);
        message["text"] = "";
        message["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
            ["name"] = name,
            ["content"] = new JsonObject
            {
                ["downloadUrl"] = teams.Connector.BaseUri + path.TrimStart('/') + "?tempauth=v1.eyJ0eXAi",
                ["uniqueId"] = "1150d938-8870-4044-9f2c-5bbdeb1f0b35",
                ["fileType"] = "gift",
            },
        });
        return message;
    }

    private static Task<FakeTeamsConnector.Call> ReplyInChatAsync(TeamsAppSession teams, string containing) =>
        teams.WaitForAsync(c => c.Method == "POST" && (c.Path.Contains(Chat, StringComparison.Ordinal) || c.Path.Contains(Uri.EscapeDataString(Chat), StringComparison.Ordinal)) && c.Body.Contains(containing, StringComparison.Ordinal), containing);

    private static string Text(FakeTeamsConnector.Call call) => JsonNode.Parse(call.Body)!["text"]!.GetValue<string>();

    [Fact]
    public async Task FileInPersonalChat_ThenConfirmInTheTeam_PreviewSaysWhereToConfirmAndTheDeckServesTheTeam()
    {
        await using var teams = await StartAsync(TestDeck.OneQuestion());

        await teams.PostAsync(WithFile(teams.InPersonalChat("message", Admin, Chat), teams, "/sites/tutor/bio.gift"));
        var preview = await ReplyInChatAsync(teams, "Deck preview");

        // Teams shows a line break as a new paragraph.
        Assert.Equal("""
            **Deck preview: bio** (`bio.gift`, GIFT)

            1 question: 1 single choice

            This chat belongs to no team, so the deck is not in service anywhere yet. To add it to a team, type `/quiz deck confirm` in a channel of that team within 30 minutes (as an admin there); if the team already has a deck **bio**, it becomes that deck's next version.
            """, Text(preview));
        Assert.Contains(teams.Connector.Calls, c => c.Method == "GET" && c.Path == "/sites/tutor/bio.gift");

        await teams.PostAsync(Mentioning(teams.InChannel("message", Admin), "quiz deck confirm"));
        var confirmed = await teams.WaitForAsync(c => c.Method == "POST" && c.Body.Contains("is in service", StringComparison.Ordinal), "the confirmation");
        Assert.StartsWith("✅ Deck **bio** is in service for this group (version 1): 1 question: 1 single choice.", Text(confirmed), StringComparison.Ordinal);

        await teams.PostAsync(Mentioning(teams.InChannel("message", "Ann"), "quiz decks"));
        var decks = await teams.WaitForAsync(c => c.Method == "POST" && c.Body.Contains("**Decks**", StringComparison.Ordinal), "the deck list");
        Assert.Contains("- **bio** (uploaded, version 1 of `bio.gift`): 1 question: 1 single choice", Text(decks), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileInPersonalChat_ByNoAdmin_IsStagedButTheirConfirmInTheTeamIsRefused()
    {
        await using var teams = await StartAsync(TestDeck.OneQuestion());

        await teams.PostAsync(WithFile(teams.InPersonalChat("message", "Ben", Chat), teams, "/sites/ben/bio.gift"));
        await ReplyInChatAsync(teams, "Deck preview");
        await teams.PostAsync(Mentioning(teams.InChannel("message", "Ben"), "quiz deck confirm"));

        var refusal = await teams.WaitForAsync(c => c.Method == "POST" && c.Body.Contains("Only admins", StringComparison.Ordinal), "the refusal");
        Assert.Contains("`/quiz deck confirm`", Text(refusal), StringComparison.Ordinal);
        await using var db = teams.App.Db();
        Assert.DoesNotContain(db.UploadedDecks, d => d.State == Cl37.Bot.Data.DeckUploadState.InService);
    }
}
