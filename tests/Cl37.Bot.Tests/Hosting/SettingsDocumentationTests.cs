using System.Reflection;

namespace Cl37.Bot.Tests.Hosting;

/// <summary>docs/operations.md lists every setting with its environment variable: each options class
/// (a type with a <c>Section</c> constant) and each of its settable properties.</summary>
public sealed class SettingsDocumentationTests
{
    [Fact]
    public void OperationsDoc_EveryOptionsProperty_IsListedWithItsEnvironmentVariable()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "operations.md"));
        var settings = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal))
            .Select(t => (Type: t, Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(x => x.Section is not null)
            .SelectMany(x => x.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true })
                .Select(p => $"{x.Section}__{p.Name}"))
            .ToList();

        Assert.True(settings.Count >= 20, "options classes were not found");
        var missing = settings.Where(env => !doc.Contains($"`{env}", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "docs/operations.md does not list: " + string.Join(", ", missing));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cl37.Bot.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Cl37.Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
