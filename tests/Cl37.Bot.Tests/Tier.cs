namespace Cl37.Bot.Tests;

/// <summary>The two tiers. Fast: everything in-process, run alone with
/// <c>dotnet test --filter "Tier!=Slow"</c>. Slow: tests that start processes, a browser or the
/// Teams App Test Tool, kill or starve the app, or simulate weeks of schedules.</summary>
internal static class Tier
{
    public const string Name = "Tier";
    public const string Slow = "Slow";
}
