namespace Cl37.Bot.Content;

/// <summary>Finds the deck folder and reads every <c>*.md</c> in it into a <see cref="DeckLibrary"/>.</summary>
public static class DeckLoader
{
    /// <summary>The deck folder: <paramref name="configured"/> as given when absolute; else relative to
    /// the current directory when it exists there, else next to the app (where the build copies the decks).</summary>
    public static string ResolvePath(string? configured, string currentDirectory, string baseDirectory)
    {
        var path = string.IsNullOrWhiteSpace(configured) ? "content" : configured.Trim();
        if (Path.IsPathRooted(path))
            return path;
        var fromCurrent = Path.GetFullPath(path, currentDirectory);
        if (Directory.Exists(fromCurrent) || File.Exists(fromCurrent))
            return fromCurrent;
        var fromApp = Path.GetFullPath(path, baseDirectory);
        return Directory.Exists(fromApp) || File.Exists(fromApp) ? fromApp : fromCurrent;
    }

    /// <summary>Resolves against the process's current directory and <see cref="AppContext.BaseDirectory"/>.</summary>
    public static string ResolvePath(string? configured) =>
        ResolvePath(configured, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    /// <summary>Loads one deck file or every <c>*.md</c> of a folder (sorted by name). Never throws:
    /// a missing folder or an unreadable file becomes an error in the library.</summary>
    public static DeckLibrary Load(string path)
    {
        var decks = new List<Deck>();
        var errors = new List<DeckError>();
        string[] files;
        try
        {
            if (File.Exists(path))
                files = [path];
            else if (Directory.Exists(path))
                files = [.. Directory.GetFiles(path, "*.md").Order(StringComparer.Ordinal)];
            else
                return new DeckLibrary([], [new DeckError(path, 0, "no such folder or file; set Quiz:ContentPath to the folder of deck files.")]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new DeckLibrary([], [new DeckError(path, 0, "cannot list the deck folder: " + ex.Message)]);
        }
        if (files.Length == 0)
            errors.Add(new DeckError(path, 0, "no deck files (*.md) in this folder."));

        foreach (var file in files)
        {
            var shown = Display(file);
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add(new DeckError(shown, 1, "cannot read the file: " + ex.Message));
                continue;
            }
            var result = DeckParser.Parse(shown, bytes);
            errors.AddRange(result.Errors);
            if (result.Deck is null)
                continue;
            if (decks.Any(d => string.Equals(d.Id, result.Deck.Id, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new DeckError(shown, 1, $"another deck already has the id `{result.Deck.Id}`; this file is skipped."));
                continue;
            }
            decks.Add(result.Deck);
        }
        return new DeckLibrary(decks, errors);
    }

    private static string Display(string file)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative;
    }
}
