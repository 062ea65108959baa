using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Wire;

namespace Cl37.Bot.Platforms.Discord.Incoming;

/// <summary>The file of an ATTACHMENT command option (type 11; DAD interactions/application-commands.mdx
/// "Application Command Option Type"): the option's value is the attachment's id and
/// <c>data.resolved.attachments[id]</c> gives its <c>filename</c>, <c>size</c>, <c>content_type</c> and
/// <c>url</c> (DAD interactions/receiving-and-responding.mdx "Resolved Data Structure"). The file is
/// downloaded from <c>url</c> only when the command reads it, and not at all when its <c>size</c> is
/// over what the command takes.</summary>
internal sealed class DiscordAttachmentReader(IHttpClientFactory http, ILogger<DiscordAttachmentReader> logger)
{
    public const string HttpClientName = "discord-attachments";

    public IncomingFile FileOf(ResolvedAttachment attachment) =>
        new(attachment.Filename, attachment.Size, attachment.ContentType, (max, ct) => ReadAsync(attachment, max, ct));

    private async Task<IncomingFileRead> ReadAsync(ResolvedAttachment attachment, int maxBytes, CancellationToken cancellationToken)
    {
        if (attachment.Size > maxBytes)
            return IncomingFileRead.TooLarge;
        // The URL comes in an interaction Discord signed (or sent on the gateway), so it is Discord's CDN.
        if (!Uri.TryCreate(attachment.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            return IncomingFileRead.Unavailable;
        using var client = http.CreateClient(HttpClientName);
        var (read, failure) = await IncomingFile.DownloadAsync(client, url, maxBytes, cancellationToken);
        if (failure is not null)
            logger.LogWarning("Downloading the attachment {FileName} failed: {Error}", attachment.Filename, failure);
        return read;
    }
}
