using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Platforms.Teams.Incoming;

/// <summary>Files a person sends the bot in their 1:1 chat (Microsoft Learn, "Send and receive files
/// using bot", Teams bot APIs, personal scope only): each arrives on the message activity as an
/// attachment of content type <c>application/vnd.microsoft.teams.file.download.info</c> with the
/// file's <c>name</c> and a <c>content</c> of <c>downloadUrl</c> (pre-authorized and short-lived,
/// read with a plain GET, no bearer token), <c>uniqueId</c> and <c>fileType</c>. The bot downloads it
/// only when the command reads it; the manifest opts in with <c>supportsFiles</c>.</summary>
internal sealed class TeamsFileDownloads(IHttpClientFactory http, ILogger<TeamsFileDownloads> logger)
{
    public const string HttpClientName = "teams-file-downloads";
    public const string DownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>The files on a message activity, in order.</summary>
    public IReadOnlyList<IncomingFile> FilesOf(Activity activity) =>
    [
        .. (activity.Attachments ?? [])
            .Where(a => a is not null && string.Equals(a.ContentType, DownloadInfo, StringComparison.OrdinalIgnoreCase)
                        && a.Content?["downloadUrl"]?.GetValueKind() == System.Text.Json.JsonValueKind.String)
            .Select(a => FileOf(a.Name, a.Content!["downloadUrl"]!.GetValue<string>(), a.Content?["fileType"]?.ToString())),
    ];

    private IncomingFile FileOf(string? name, string downloadUrl, string? fileType)
    {
        var fileName = string.IsNullOrWhiteSpace(name) ? "file" + (fileType is { Length: > 0 } t ? "." + t : "") : name;
        return new IncomingFile(fileName, null, null, (max, ct) => ReadAsync(fileName, downloadUrl, max, ct));
    }

    private async Task<IncomingFileRead> ReadAsync(string fileName, string downloadUrl, int maxBytes, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(downloadUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            return IncomingFileRead.Unavailable;
        using var client = http.CreateClient(HttpClientName);
        var (read, failure) = await IncomingFile.DownloadAsync(client, url, maxBytes, cancellationToken);
        if (failure is not null)
            logger.LogWarning("Downloading the file {FileName} sent in a Teams chat failed: {Error}", fileName, failure);
        return read;
    }
}
