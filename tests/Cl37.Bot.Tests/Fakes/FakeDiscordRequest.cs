using System.Text.Json;

namespace Cl37.Bot.Tests.Fakes;

/// <summary>One REST call the fake Discord received. A multipart call's <see cref="Body"/> is its
/// <c>payload_json</c>, and its <c>files[n]</c> parts are in <see cref="Files"/>.</summary>
public sealed record FakeDiscordRequest(string Method, string Path, string? Authorization, string? UserAgent, string? ContentType, string Body, long ReceivedAt)
{
    public IReadOnlyList<FakeDiscordFile> Files { get; init; } = [];

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>A file uploaded as the part <paramref name="Field"/> (<c>files[0]</c>).</summary>
public sealed record FakeDiscordFile(string Field, string FileName, string? ContentType, byte[] Content)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Content);
}
