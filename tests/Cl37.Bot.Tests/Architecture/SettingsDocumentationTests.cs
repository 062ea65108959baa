using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Cl37.Bot.Commands;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Tests.Architecture;

/// <summary>The settings reference (README.md, "All settings") and the commands table (README.md) are
/// checked against the code: a setting added, renamed or given a new default without the docs, or
/// a documented one that no longer exists, fails here.</summary>
public sealed partial class SettingsDocumentationTests
{
    // Rows the host itself owns rather than one of our options classes.
    private static readonly HashSet<string> HostSettings = new(StringComparer.Ordinal) { "Urls", "AllowedHosts", "Logging:LogLevel:Default" };

    [Fact]
    public void EveryOptionsProperty_IsDocumentedWithItsEnvironmentVariableAndDefault()
    {
        var documented = DocumentedSettings();
        var problems = new List<string>();
        foreach (var (section, type) in OptionsTypes())
        {
            var instance = Activator.CreateInstance(type, nonPublic: true)!;
            foreach (var property in BindableProperties(type))
            {
                var key = $"{section}:{property.Name}";
                if (!documented.TryGetValue(key, out var row))
                {
                    problems.Add($"{key} ({type.Name}.{property.Name}) is missing from the README's All settings");
                    continue;
                }
                var env = key.Replace(":", "__", StringComparison.Ordinal) + (IsList(property.PropertyType) ? "__0" : "");
                if (!row.Environment.Contains($"`{env}`", StringComparison.Ordinal))
                    problems.Add($"{key}: environment variable should read `{env}`, the docs say {row.Environment}");
                if (DefaultProblem(property.GetValue(instance), row.Default) is { } problem)
                    problems.Add($"{key}: {problem}");
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void EveryDocumentedSetting_ExistsInTheCode()
    {
        var known = OptionsTypes()
            .SelectMany(t => BindableProperties(t.Type).Select(p => $"{t.Section}:{p.Name}"))
            .ToHashSet(StringComparer.Ordinal);
        var unknown = DocumentedSettings().Keys.Where(k => !known.Contains(k) && !HostSettings.Contains(k)).ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void ReadmeMostUsedSettings_AgreeWithTheReference()
    {
        var reference = DocumentedSettings();
        var readme = SettingRows(ReadmeSection("## Configuration", "### All settings"));
        Assert.NotEmpty(readme);
        foreach (var (key, row) in readme)
        {
            Assert.True(reference.TryGetValue(key, out var full), $"README lists {key}, the reference does not");
            Assert.Equal(FirstCode(full!.Environment), FirstCode(row.Environment));
        }
    }

    [Fact]
    public void ReadmeCommandsTable_ListsEveryCommandOfTheCatalog()
    {
        var readme = File.ReadAllText(Path.Combine(RepoFiles.Root(), "README.md"));
        var commandsSection = readme[readme.IndexOf("## Commands", StringComparison.Ordinal)..];
        commandsSection = commandsSection[..commandsSection.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var missing = CommandRegistrations.Catalog().All
            .Select(c => "/" + c.Name)
            .Where(name => !commandsSection.Contains("`" + name, StringComparison.Ordinal))
            .ToList();
        Assert.Empty(missing);
    }

    private static IEnumerable<(string Section, Type Type)> OptionsTypes() =>
        typeof(QuizOptions).Assembly.GetTypes()
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Type.Name.EndsWith("Options", StringComparison.Ordinal) && x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .Select(x => ((string)x.Field!.GetRawConstantValue()!, x.Type));

    private static IEnumerable<PropertyInfo> BindableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true });

    private static bool IsList(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static string? DefaultProblem(object? value, string documented)
    {
        var literal = LiteralCell().Match(documented);
        var empty = value is null || value is string { Length: 0 } || (value is IEnumerable list and not string && !list.Cast<object>().Any());
        if (documented is "empty" or "—")
            return empty ? null : $"the docs say {documented}, the code's default is {Format(value)}";
        if (!literal.Success)
            return null; // a described default ("automatic", "on when …") is checked by the option's own tests
        var expected = literal.Groups[1].Value;
        if (value is IEnumerable items and not string)
            value = string.Join(",", items.Cast<object>());
        return string.Equals(Format(value), expected, StringComparison.Ordinal) ? null : $"the docs say `{expected}`, the code's default is {Format(value)}";
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static Dictionary<string, Row> DocumentedSettings() => SettingRows(ReadmeSection("### All settings", "\n## "));

    private static string ReadmeSection(string heading, string next)
    {
        var readme = File.ReadAllText(Path.Combine(RepoFiles.Root(), "README.md"));
        var section = readme[readme.IndexOf(heading, StringComparison.Ordinal)..];
        return section[..section.IndexOf(next, heading.Length, StringComparison.Ordinal)];
    }

    private static Dictionary<string, Row> SettingRows(string markdown)
    {
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        foreach (Match m in SettingRow().Matches(markdown))
            rows[m.Groups["key"].Value] = new Row(m.Groups["env"].Value.Trim(), m.Groups["default"].Value.Trim());
        return rows;
    }

    private static string FirstCode(string cell) => cell.Split('`', 3) is [_, var code, _] ? code : cell;

    private sealed record Row(string Environment, string Default);

    [GeneratedRegex(@"^\| `(?<key>[A-Za-z]+(?::[A-Za-z]+)*)` \| (?<env>[^|]+) \| (?<default>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex SettingRow();

    // A default cell that is exactly one code literal, e.g. `30` or `Gateway`.
    [GeneratedRegex(@"^`([^`]*)`$")]
    private static partial Regex LiteralCell();
}
