using System.Text.RegularExpressions;

namespace Cl37.Bot.Chat;

/// <summary>Chat wording for a terminal, where Markdown is not rendered: `code` becomes 'code' and
/// **bold** plain.</summary>
public static partial class ConsoleText
{
    public static string Plain(string markdown) =>
        Bold().Replace(Code().Replace(markdown, "'$1'"), "$1");

    [GeneratedRegex(@"`([^`\n]*)`", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex Code();

    [GeneratedRegex(@"\*\*([^*\n]+)\*\*", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex Bold();
}
