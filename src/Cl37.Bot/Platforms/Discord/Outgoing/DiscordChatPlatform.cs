using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Kernel;
using Cl37.Bot.Platforms.Discord.Rendering;

namespace Cl37.Bot.Platforms.Discord.Outgoing;

/// <summary>The chat port on Discord: posts and edits channel messages over REST. A message longer
/// than Discord allows is posted as several; its id is the last one's, which carries the answer
/// controls and the tally, so an update edits only that one.</summary>
internal sealed class DiscordChatPlatform(DiscordRestClient rest, ILogger<DiscordChatPlatform> logger) : IChatPlatform
{
    public string Name => "discord";

    public async Task<string> PostAsync(ChannelRef channel, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var channelId = ChannelId(channel);
        var payloads = DiscordMessageRenderer.Render(message);
        var id = "";
        for (var i = 0; i < payloads.Count; i++)
        {
            try
            {
                id = (await rest.CreateMessageAsync(channelId, payloads[i], cancellationToken)).Id;
            }
            catch (Exception ex) when (i > 0 && ex is not OperationCanceledException)
            {
                await MissingPartsAsync(channelId, i + 1, payloads.Count, cancellationToken);
                throw;
            }
        }
        return id;
    }

    /// <summary>After a later part failed, the parts already shown end with a line saying the
    /// message is incomplete; when Discord refuses that too, the original failure is what counts.</summary>
    private async Task MissingPartsAsync(string channelId, int firstMissing, int count, CancellationToken cancellationToken)
    {
        try
        {
            await rest.CreateMessageAsync(channelId, DiscordMessageRenderer.MissingParts(firstMissing, count, ephemeral: false), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Could not say that parts {First}–{Count} of a message in channel {ChannelId} are missing either: {Error}", firstMissing, count, channelId, ex.Message);
        }
    }

    public Task UpdateAsync(ChannelRef channel, string messageId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (!DiscordOptionsValidator.IsSnowflake(messageId))
            throw new ArgumentException($"\"{messageId}\" is not a Discord message id.", nameof(messageId));
        return rest.EditMessageAsync(ChannelId(channel), messageId, DiscordMessageRenderer.Render(message)[^1], cancellationToken);
    }

    // An id that is not a snowflake would be a guaranteed 404, and invalid requests count toward a Cloudflare ban.
    private static string ChannelId(ChannelRef channel) =>
        channel.Platform == "discord" && DiscordOptionsValidator.IsSnowflake(channel.ChannelId)
            ? channel.ChannelId
            : throw new ArgumentException($"\"{channel.Platform}:{channel.ChannelId}\" is not a Discord channel.", nameof(channel));
}
