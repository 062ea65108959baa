using System.Text.Json.Nodes;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Rendering;

namespace Cl37.Bot.Platforms.Teams;

/// <summary>The Teams app manifest, its command menu rendered from <see cref="CommandCatalog"/>
/// (msteams: a command list holds at most 12 commands; titles ≤ 32, descriptions ≤ 128 characters).</summary>
internal static class TeamsManifest
{
    public const string PlaceholderAppId = "00000000-0000-0000-0000-000000000000";
    public const string SchemaVersion = "1.19";
    public const string TeamMemberReadGroup = "TeamMember.Read.Group";
    public const string ChannelMessageReadGroup = "ChannelMessage.Read.Group";
    private const int MaxCommands = 12;

    public static JsonObject Build(string appId, CommandCatalog catalog) => new()
    {
        ["$schema"] = $"https://developer.microsoft.com/json-schemas/teams/v{SchemaVersion}/MicrosoftTeams.schema.json",
        ["manifestVersion"] = SchemaVersion,
        ["version"] = "1.0.0",
        ["id"] = appId,
        ["developer"] = new JsonObject
        {
            ["name"] = "Cl37 study group",
            ["websiteUrl"] = "https://example.com/cl37-bot",
            ["privacyUrl"] = "https://example.com/cl37-bot/privacy",
            ["termsOfUseUrl"] = "https://example.com/cl37-bot/terms",
        },
        ["name"] = new JsonObject { ["short"] = "Cl37 Quiz", ["full"] = "Cl37 Quiz Bot" },
        ["description"] = new JsonObject
        {
            ["short"] = "Daily exam-prep questions, leaderboards and formula calculators.",
            ["full"] = "A quiz master for study groups: a daily exam-prep question answered with buttons, grading with explanations, weekly and monthly leaderboards, competitions, and the course's formula calculators with worked steps. Mention the bot with a command such as 'quiz now' or 'calc servers 200 50'.",
        },
        ["icons"] = new JsonObject { ["color"] = "color.png", ["outline"] = "outline.png" },
        ["accentColor"] = "#4F52B2",
        ["bots"] = new JsonArray(new JsonObject
        {
            ["botId"] = appId,
            ["scopes"] = new JsonArray("personal", "team", "groupChat"),
            ["isNotificationOnly"] = false,
            // CSV exports reach the person as files in the 1:1 chat (FileConsentCard), and decks
            // come in there as files (file.download.info attachments).
            ["supportsFiles"] = true,
            ["supportsCalling"] = false,
            ["supportsVideo"] = false,
            ["commandLists"] = new JsonArray(new JsonObject
            {
                ["scopes"] = new JsonArray("personal", "team", "groupChat"),
                ["commands"] = Commands(catalog),
            }),
        }),
        ["permissions"] = new JsonArray("identity", "messageTeamMembers"),
        ["validDomains"] = new JsonArray(),
        // rsc/resource-specific-consent.md (manifest 1.12+): the app's Entra id, and a resource
        // that "has no operation in RSC" but must be set. TeamMember.Read.Group lets the bot read
        // its team's members and their roles from Graph, so team owners are admins.
        // ChannelMessage.Read.Group has Teams deliver a team's channel messages to the bot without
        // an @mention (channel-messages-with-rsc.md), so commands are typed as they are in a 1:1 chat.
        ["webApplicationInfo"] = new JsonObject { ["id"] = appId, ["resource"] = "https://RscPermission" },
        ["authorization"] = new JsonObject
        {
            ["permissions"] = new JsonObject
            {
                ["resourceSpecific"] = new JsonArray(
                    new JsonObject { ["name"] = TeamMemberReadGroup, ["type"] = "Application" },
                    new JsonObject { ["name"] = ChannelMessageReadGroup, ["type"] = "Application" }),
            },
        },
    };

    /// <summary>One entry per top-level command (the menu only pre-fills the text the bot parses).</summary>
    private static JsonArray Commands(CommandCatalog catalog) =>
        new([.. catalog.All.Take(MaxCommands).Select(c => (JsonNode)new JsonObject
        {
            ["title"] = AdaptiveCardRenderer.Clip(c.Name, 32),
            ["description"] = AdaptiveCardRenderer.Clip(Describe(c), 128),
        })]);

    private static string Describe(CommandDefinition command)
    {
        if (command.SubCommands.Count == 0)
            return command.Description;
        return $"{command.Description} ({string.Join(", ", command.SubCommands.Select(s => s.Name))})";
    }
}
