using System.Text;
using System.Text.Json;

namespace Cl37.Bot.Tests.Fakes;

/// <summary>Reads server-sent events from a playground stream, each wait bounded.</summary>
public sealed class PlaygroundEventStream(HttpResponseMessage response, Stream stream) : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    public HttpResponseMessage Response { get; } = response;

    public static async Task<PlaygroundEventStream> OpenAsync(HttpClient client, string channel = "general")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/playground/api/events?channel={channel}");
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new PlaygroundEventStream(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next event's type and parsed data.</summary>
    public async Task<(string Type, JsonElement Data)> NextAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        string? type = null;
        var data = new StringBuilder();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cts.Token) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (data.Length > 0)
                    return (type ?? "message", JsonDocument.Parse(data.ToString()).RootElement.Clone());
                continue;
            }
            if (line.StartsWith("event:", StringComparison.Ordinal))
                type = line[6..].Trim();
            else if (line.StartsWith("data:", StringComparison.Ordinal))
                data.Append(line[5..].TrimStart());
        }
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await stream.DisposeAsync();
        Response.Dispose();
    }
}
