namespace Cl37.Bot.Chat;

/// <summary>A file a person sent with a command, not read yet: its name, the size the platform
/// declared (when it says), its media type, and a way to read at most a given number of bytes. The
/// platform downloads it only when the handler reads it, so the download runs inside the pipeline's
/// deadline rather than before the request reaches it.</summary>
/// <param name="Name">The file's name as the person's platform gives it; untrusted text.</param>
/// <param name="DeclaredBytes">The size the platform announced, when it announced one; the bytes decide.</param>
public sealed record IncomingFile(string Name, long? DeclaredBytes, string? MediaType, Func<int, CancellationToken, Task<IncomingFileRead>> Reader)
{
    /// <summary>Reads the file, stopping past <paramref name="maxBytes"/>: a longer file is
    /// <see cref="IncomingFileStatus.TooLarge"/> without its bytes.</summary>
    public Task<IncomingFileRead> ReadAsync(int maxBytes, CancellationToken cancellationToken) => Reader(maxBytes, cancellationToken);

    /// <summary>A file whose bytes are already here (the playground's request body, tests).</summary>
    public static IncomingFile FromBytes(string name, string? mediaType, byte[] bytes) =>
        new(name, bytes.LongLength, mediaType, (max, _) => Task.FromResult(bytes.Length > max ? IncomingFileRead.TooLarge : IncomingFileRead.Of(bytes)));

    /// <summary>Downloads a file a platform links to with a plain GET, stopping past
    /// <paramref name="maxBytes"/>; on failure also says why, for the caller's log (which names the
    /// file, never the URL: platforms put a signature or authorization in it).</summary>
    public static async Task<(IncomingFileRead Read, string? Failure)> DownloadAsync(HttpClient client, Uri url, int maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
                return (IncomingFileRead.Unavailable, $"HTTP {(int)response.StatusCode}");
            if (response.Content.Headers.ContentLength > maxBytes)
                return (IncomingFileRead.TooLarge, null);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return (await ReadCappedAsync(body, maxBytes, cancellationToken), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (IncomingFileRead.Unavailable, ex.Message);
        }
    }

    /// <summary>Reads a stream to its end, or stops once it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<IncomingFileRead> ReadCappedAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return IncomingFileRead.TooLarge;
            buffer.Write(chunk, 0, read);
        }
        return IncomingFileRead.Of(buffer.ToArray());
    }
}
