using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Cl37.Bot.Content;

/// <summary>Reads a Markdown exam-prep deck. It keys on the words of the labels (<c>Question:</c>,
/// <c>Options:</c>, <c>Correct Answer(s):</c> …), never on the emoji around them, so the course's
/// mojibake bytes, real emoji and no emoji give the same deck. It never throws: problems come back
/// as <c>file:line: what is wrong</c> and only the question concerned is skipped.</summary>
public static partial class DeckParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Parses a deck file's bytes (UTF-8, with or without a BOM, any line endings).</summary>
    public static DeckParseResult Parse(string sourceFile, byte[] bytes)
    {
        try
        {
            if (bytes.Length == 0)
                return Fail(sourceFile, 1, "the file is empty.");
            if (Array.IndexOf(bytes, (byte)0) is var nul and >= 0)
                return Fail(sourceFile, LineOf(bytes, nul), "this is a binary file, not a Markdown deck (it contains NUL bytes).");
            var errors = new List<DeckError>();
            string text;
            try
            {
                text = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException ex)
            {
                var at = ex.Index >= 0 ? LineOf(bytes, ex.Index) : 1;
                errors.Add(new DeckError(sourceFile, at, "the file is not valid UTF-8 text; save the deck as UTF-8."));
                text = Encoding.UTF8.GetString(bytes);
            }
            var parsed = ParseText(sourceFile, text);
            return errors.Count == 0 ? parsed : parsed with { Errors = [.. errors, .. parsed.Errors] };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Fail(sourceFile, 1, "the deck could not be read: " + ex.Message);
        }
    }

    /// <summary>Decodes a text deck file as strict UTF-8 (a BOM is fine); the problem, or null with the text.</summary>
    internal static DeckError? Decode(string sourceFile, byte[] bytes, string what, out string text)
    {
        text = "";
        if (bytes.Length == 0)
            return new DeckError(sourceFile, 1, "the file is empty.");
        if (Array.IndexOf(bytes, (byte)0) is var nul and >= 0)
            return new DeckError(sourceFile, LineOf(bytes, nul), $"this is a binary file, not a {what} (it contains NUL bytes).");
        try
        {
            text = StrictUtf8.GetString(bytes);
            return null;
        }
        catch (DecoderFallbackException ex)
        {
            var at = ex.Index >= 0 ? LineOf(bytes, ex.Index) : 1;
            return new DeckError(sourceFile, at, $"the file is not valid UTF-8 text; save the {what} as UTF-8.");
        }
    }

    /// <summary>Parses a deck's text.</summary>
    public static DeckParseResult ParseText(string sourceFile, string text)
    {
        try
        {
            return new Reader(sourceFile, text).Read();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Fail(sourceFile, 1, "the deck could not be read: " + ex.Message);
        }
    }

    /// <summary>The deck id of a file: its name without <c>.md</c>.</summary>
    public static string DeckIdOf(string sourceFile) => Path.GetFileNameWithoutExtension(sourceFile);

    private static DeckParseResult Fail(string file, int line, string message) => new(null, [new DeckError(file, line, message)]);

    private static int LineOf(byte[] bytes, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
                line++;
        }
        return line;
    }

    /// <summary>The question section a level-2 heading opens, or null for any other heading.</summary>
    internal static string? SectionOf(string heading)
    {
        if (MultipleSelect().IsMatch(heading))
            return "msq";
        if (MultipleChoice().IsMatch(heading))
            return "mcq";
        if (NumericalHeading().IsMatch(heading))
            return "numerical";
        if (FillHeading().IsMatch(heading))
            return "fill";
        return null;
    }

    /// <summary>The kind of a revision section from its title.</summary>
    internal static string RevisionKindOf(string title)
    {
        var t = title.ToLowerInvariant();
        if (t.Contains("formula", StringComparison.Ordinal) || t.Contains("calculation", StringComparison.Ordinal))
            return "formulas";
        if (t.Contains("concept", StringComparison.Ordinal))
            return "concepts";
        if (t.Contains("trap", StringComparison.Ordinal))
            return "traps";
        if (t.Contains("one-liner", StringComparison.Ordinal) || t.Contains("one liner", StringComparison.Ordinal) || t.Contains("shortcut", StringComparison.Ordinal))
            return "oneliners";
        if (t.Contains("golden", StringComparison.Ordinal) || t.Contains("forget everything", StringComparison.Ordinal) || t.Contains("takeaway", StringComparison.Ordinal))
            return "rules";
        if (t.Contains("mnemonic", StringComparison.Ordinal) || t.Contains("memory trick", StringComparison.Ordinal))
            return "mnemonics";
        return "other";
    }

    /// <summary>Removes the emoji and symbols that decorate a heading or label (📚, ✅, ⚠️ …).</summary>
    internal static string StripDecoration(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var c = text[start];
            var category = CharUnicodeInfo.GetUnicodeCategory(text, start);
            if (char.IsWhiteSpace(c) || category is UnicodeCategory.OtherSymbol or UnicodeCategory.Surrogate or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse || c is '\uFFFD')
            {
                start += char.IsSurrogatePair(text, start) ? 2 : 1;
                continue;
            }
            break;
        }
        return text[start..].Trim();
    }

    /// <summary>Fill-in alternatives: <c>Vertical (or Scale Up)</c> → Vertical, Scale Up;
    /// <c>PromQL (Prometheus Query Language)</c> → PromQL, Prometheus Query Language and the whole
    /// text (an expansion in brackets is the same answer in another form);
    /// <c>PromQL (or Prometheus Query Language)</c> → PromQL, Prometheus Query Language and the
    /// whole text read without the "or"; <c>@app.route()</c> → also app.route.</summary>
    internal static IReadOnlyList<string> AcceptedAnswersOf(string answer)
    {
        var list = new List<string>();
        void Add(string s)
        {
            s = Spaces().Replace(s.Trim().Trim('`').Trim(), " ");
            if (s.Length > 0 && !list.Contains(s, StringComparer.OrdinalIgnoreCase))
                list.Add(s);
        }
        var main = OrAlternative().Replace(answer, " ").Trim();
        var expansions = Expansion().Matches(main).Select(m => m.Groups[1].Value).ToList();
        if (expansions.Count > 0)
            Add(main);
        main = Expansion().Replace(main, " ").Trim();
        foreach (var part in SlashOr().Split(main))
            Add(part);
        foreach (var expansion in expansions)
        {
            foreach (var part in SlashOr().Split(expansion))
                Add(part);
        }
        var alternatives = OrAlternative().Matches(answer);
        foreach (Match m in alternatives)
        {
            foreach (var part in SlashOr().Split(m.Groups[1].Value))
                Add(part);
        }
        // The whole text as written, with the "or" a person would leave out when typing it.
        if (alternatives.Count > 0)
            Add(OrAlternative().Replace(answer, m => "(" + m.Groups[1].Value.Trim() + ")"));
        foreach (var s in list.ToList())
        {
            var bare = s.TrimStart('@');
            if (bare.EndsWith("()", StringComparison.Ordinal))
                bare = bare[..^2];
            if (bare != s)
            {
                Add(bare);
                Add(bare + "()");
                Add("@" + bare);
            }
        }
        return list;
    }

    [GeneratedRegex(@"multiple\s+select|\bMSQ\b", RegexOptions.IgnoreCase)]
    private static partial Regex MultipleSelect();

    [GeneratedRegex(@"multiple\s+choice|single\s+choice|\bMCQ\b", RegexOptions.IgnoreCase)]
    private static partial Regex MultipleChoice();

    [GeneratedRegex(@"numerical|calculation\s+questions", RegexOptions.IgnoreCase)]
    private static partial Regex NumericalHeading();

    [GeneratedRegex(@"fill[\s-]+in|fill\s+the\s+blank", RegexOptions.IgnoreCase)]
    private static partial Regex FillHeading();

    [GeneratedRegex(@"\(\s*or\s+([^()]+)\)", RegexOptions.IgnoreCase)]
    private static partial Regex OrAlternative();

    [GeneratedRegex(@"\(([^()]*[A-Za-z0-9][^()]*)\)")]
    private static partial Regex Expansion();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+or\s+|\s*\|\s*", RegexOptions.IgnoreCase)]
    private static partial Regex SlashOr();
}
