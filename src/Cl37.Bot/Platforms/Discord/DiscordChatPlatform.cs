using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Interactions;
using Cl37.Bot.Platforms.Discord.Rest;

namespace Cl37.Bot.Platforms.Discord;

/// <summary>The chat port on Discord: posts and edits channel messages over REST.</summary>
internal sealed class DiscordChatPlatform(DiscordRestClient rest) : IChatPlatform
{
    public string Name => "discord";

    public async Task<string> PostAsync(ChannelRef channel, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var payload = DiscordMessageRenderer.Render(message);
        var created = await rest.CreateMessageAsync(ChannelId(channel), payload, cancellationToken);
        return created.Id;
    }

    public Task UpdateAsync(ChannelRef channel, string messageId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (!DiscordOptionsValidator.IsSnowflake(messageId))
            throw new ArgumentException($"\"{messageId}\" is not a Discord message id.", nameof(messageId));
        return rest.EditMessageAsync(ChannelId(channel), messageId, DiscordMessageRenderer.Render(message), cancellationToken);
    }

    // An id that is not a snowflake would be a guaranteed 404, and invalid requests count toward a Cloudflare ban.
    private static string ChannelId(ChannelRef channel) =>
        channel.Platform == "discord" && DiscordOptionsValidator.IsSnowflake(channel.ChannelId)
            ? channel.ChannelId
            : throw new ArgumentException($"\"{channel.Platform}:{channel.ChannelId}\" is not a Discord channel.", nameof(channel));
}
