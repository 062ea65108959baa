namespace Cl37.Bot.Tests.Platforms.Playground;

/// <summary>A browser test: skipped with a reason outside CI when chromium is not installed; in CI
/// (CI=true) it always runs, so a missing browser fails the build instead of hiding the test.</summary>
public sealed class PlaygroundBrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public PlaygroundBrowserFactAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!ci && !File.Exists(ChromiumPath))
            Skip = $"Chromium is not installed at {ChromiumPath} (apt-get install -y chromium); set CI=true to make this a failure.";
    }
}
