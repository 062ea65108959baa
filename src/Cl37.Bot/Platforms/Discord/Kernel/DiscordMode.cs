
namespace Cl37.Bot.Platforms.Discord.Kernel;

/// <summary>How interactions reach the bot; Discord delivers them one way or the other, never both.</summary>
internal enum DiscordMode
{
    /// <summary>Over the gateway websocket (works behind NAT, no public URL needed).</summary>
    Gateway,

    /// <summary>As signed POSTs to <c>/discord/interactions</c> (the application's Interactions Endpoint URL).</summary>
    Http,
}
