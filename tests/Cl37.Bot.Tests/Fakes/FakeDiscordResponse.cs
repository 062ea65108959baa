namespace Cl37.Bot.Tests.Fakes;

/// <summary>A scripted REST answer of the fake Discord.</summary>
public sealed record FakeDiscordResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FakeDiscordResponse RateLimited(double retryAfter, bool global, string scope = "user") => new(429,
        $$"""{"message":"You are being rate limited.","retry_after":{{retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"global":{{(global ? "true" : "false")}}}""",
        new Dictionary<string, string>
        {
            ["Retry-After"] = Math.Ceiling(retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-RateLimit-Scope"] = scope,
            ["X-RateLimit-Global"] = global ? "true" : "false",
        });
}
