using System.Text.RegularExpressions;

namespace Cl37.Bot.Tests.Architecture;

public sealed partial class BoundaryTests
{
    [Fact]
    public void Source_OutsidePlatforms_NeverRefersToPlatformTypes()
    {
        var src = Path.Combine(RepoRoot(), "src", "Cl37.Bot");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Platforms{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Hosting{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => PlatformReference().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(src, f))
            .ToList();

        Assert.True(offenders.Count == 0, "Quiz code must not touch platform types: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Source_Platforms_HaveNoPublicTypes()
    {
        var platforms = Path.Combine(RepoRoot(), "src", "Cl37.Bot", "Platforms");
        if (!Directory.Exists(platforms))
            return;
        var offenders = Directory.EnumerateFiles(platforms, "*.cs", SearchOption.AllDirectories)
            .Where(f => PublicType().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(platforms, f))
            .ToList();

        Assert.True(offenders.Count == 0, "Platform types must be internal: " + string.Join(", ", offenders));
    }

    internal static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Cl37.Bot.sln")))
            dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("Cl37.Bot.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\bCl37\.Bot\.Platforms\b|\bPlatforms\.(Discord|Teams|Playground)\b")]
    private static partial Regex PlatformReference();

    [GeneratedRegex(@"^public\s+(sealed\s+|static\s+|abstract\s+)*(partial\s+)?(class|record|struct|interface|enum)\s", RegexOptions.Multiline)]
    private static partial Regex PublicType();
}
