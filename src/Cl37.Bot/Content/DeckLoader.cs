namespace Cl37.Bot.Content;

/// <summary>Finds the deck folder and reads every deck file in it (Markdown <c>*.md</c>, GIFT
/// <c>*.gift</c> / <c>*.gift.txt</c>, Moodle XML <c>*.xml</c>) into a <see cref="DeckLibrary"/>.</summary>
public static class DeckLoader
{
    /// <summary>The largest deck file read: a 10,000-question Moodle XML export is about 8 MB.</summary>
    public const int MaxFileBytes = 32_000_000;

    /// <summary>The file names a deck can have.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".md", ".gift", ".gift.txt", ".xml"];

    /// <summary>True when the file name is one a deck can have.</summary>
    public static bool IsDeckFile(string path) =>
        Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses one deck file's bytes by its name: Markdown, GIFT or Moodle XML.</summary>
    public static DeckParseResult ParseFile(string sourceFile, byte[] bytes)
    {
        if (bytes.Length > MaxFileBytes)
            return new DeckParseResult(null, [new DeckError(sourceFile, 1, $"the file is {bytes.Length / 1_000_000.0:0.#} MB; a deck file may be at most {MaxFileBytes / 1_000_000} MB.")]);
        if (sourceFile.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            return MoodleXmlParser.Parse(sourceFile, bytes);
        if (sourceFile.EndsWith(".gift", StringComparison.OrdinalIgnoreCase) || sourceFile.EndsWith(".gift.txt", StringComparison.OrdinalIgnoreCase))
        {
            return DeckParser.Decode(sourceFile, bytes, "GIFT file", out var text) is { } problem
                ? new DeckParseResult(null, [problem])
                : GiftParser.Parse(sourceFile, text);
        }
        return DeckParser.Parse(sourceFile, bytes);
    }

    /// <summary>The deck folder: <paramref name="configured"/> as given when absolute; else the first
    /// of the base directories where it exists (the first one when it exists nowhere).</summary>
    public static string ResolvePath(string? configured, params IReadOnlyList<string> baseDirectories)
    {
        var path = string.IsNullOrWhiteSpace(configured) ? "content" : configured.Trim();
        if (Path.IsPathRooted(path) || baseDirectories.Count == 0)
            return Path.GetFullPath(path);
        foreach (var dir in baseDirectories)
        {
            var candidate = Path.GetFullPath(path, dir);
            if (Directory.Exists(candidate) || File.Exists(candidate))
                return candidate;
        }
        return Path.GetFullPath(path, baseDirectories[0]);
    }

    /// <summary>Resolves against the current directory, the shell's directory and <see cref="AppContext.BaseDirectory"/>.</summary>
    public static string ResolvePath(string? configured)
    {
        // `dotnet run` starts a web project in its project folder; the shell's PWD is where the
        // person typed the path.
        var dirs = new List<string> { Directory.GetCurrentDirectory() };
        if (Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd && Path.IsPathRooted(pwd))
            dirs.Add(pwd);
        dirs.Add(AppContext.BaseDirectory);
        return ResolvePath(configured, dirs);
    }

    /// <summary>Loads one deck file or every deck file of a folder (sorted by name). Never throws:
    /// a missing folder or an unreadable file becomes an error in the library.</summary>
    public static DeckLibrary Load(string path)
    {
        var decks = new List<Deck>();
        var errors = new List<DeckError>();
        var skipped = new List<DeckError>();
        string[] files;
        try
        {
            if (File.Exists(path))
                files = [path];
            else if (Directory.Exists(path))
                files = [.. Directory.GetFiles(path).Where(IsDeckFile).Order(StringComparer.Ordinal)];
            else
                return new DeckLibrary([], [new DeckError(path, 0, "no such folder or file; set Quiz:ContentPath to the folder of deck files.")]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new DeckLibrary([], [new DeckError(path, 0, "cannot list the deck folder: " + ex.Message)]);
        }
        if (files.Length == 0)
            errors.Add(new DeckError(path, 0, "no deck files (*.md, *.gift, *.gift.txt, *.xml) in this folder."));

        foreach (var file in files)
        {
            var shown = Display(file);
            byte[] bytes;
            try
            {
                var length = new FileInfo(file).Length;
                if (length > MaxFileBytes)
                {
                    errors.Add(new DeckError(shown, 1, $"the file is {length / 1_000_000.0:0.#} MB; a deck file may be at most {MaxFileBytes / 1_000_000} MB."));
                    continue;
                }
                bytes = File.ReadAllBytes(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add(new DeckError(shown, 1, "cannot read the file: " + ex.Message));
                continue;
            }
            var result = ParseFile(shown, bytes);
            errors.AddRange(result.Errors);
            skipped.AddRange(result.Skipped);
            if (result.Deck is null)
                continue;
            if (decks.Any(d => string.Equals(d.Id, result.Deck.Id, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new DeckError(shown, 1, $"another deck already has the id `{result.Deck.Id}`; this file is skipped."));
                continue;
            }
            decks.Add(result.Deck);
        }
        return new DeckLibrary(decks, errors, skipped);
    }

    /// <summary>The file's path as the log and messages show it: relative to the current directory when inside it.</summary>
    internal static string Display(string file)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative;
    }
}
