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

    /// <summary>A <see cref="FakeDiscordServer.Responder"/> that gives <paramref name="response"/> to the
    /// first request matching <paramref name="when"/> (any, by default), then the documented defaults.</summary>
    public static Func<FakeDiscordRequest, FakeDiscordResponse?> Once(FakeDiscordResponse response, Func<FakeDiscordRequest, bool>? when = null)
    {
        var used = 0;
        return r => (when is null || when(r)) && Interlocked.Exchange(ref used, 1) == 0 ? response : null;
    }
}
