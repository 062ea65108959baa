
namespace Cl37.Bot.Platforms.Discord.Kernel;

/// <summary>The <c>Discord</c> settings section. The adapter is on when <see cref="Token"/> is set
/// or <see cref="Enabled"/> is true.</summary>
internal sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>Turns the adapter on even before a token is set (validation then asks for one).</summary>
    public bool Enabled { get; set; }

    /// <summary>The bot token from the developer portal, without the <c>Bot </c> prefix. Never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>The application (client) id; slash commands are registered under it. Empty: asked
    /// from Discord with the token (<c>GET /applications/@me</c>).</summary>
    public string ApplicationId { get; set; } = "";

    /// <summary>The application's Ed25519 public key as hex; required in <see cref="DiscordMode.Http"/>.</summary>
    public string PublicKey { get; set; } = "";

    /// <summary>Guilds to register slash commands in (instant); empty registers them globally.</summary>
    public List<string> GuildIds { get; set; } = [];

    /// <summary>Gateway (default) or Http interactions.</summary>
    public DiscordMode Mode { get; set; } = DiscordMode.Gateway;

    /// <summary>REST base URL including the version; the gateway URL always comes from <c>GET /gateway/bot</c>.</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>This process's shard (0-based).</summary>
    public int ShardId { get; set; }

    /// <summary>Number of shards; 1 for a bot in fewer than 2,500 guilds.</summary>
    public int ShardCount { get; set; } = 1;

    /// <summary>Whether to bulk-overwrite the slash commands at start.</summary>
    public bool RegisterCommands { get; set; } = true;

    /// <summary>Seconds of work after which an interaction is deferred (Discord allows 3 s for the first response).</summary>
    public double DeferAfterSeconds { get; set; } = 2;

    /// <summary>True when the settings turn the adapter on.</summary>
    public bool IsEnabled => Enabled || !string.IsNullOrWhiteSpace(Token);
}
