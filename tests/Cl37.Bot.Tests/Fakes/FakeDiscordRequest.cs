using System.Text.Json;

namespace Cl37.Bot.Tests.Fakes;

/// <summary>One REST call the fake Discord received.</summary>
public sealed record FakeDiscordRequest(string Method, string Path, string? Authorization, string? UserAgent, string? ContentType, string Body, long ReceivedAt)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
