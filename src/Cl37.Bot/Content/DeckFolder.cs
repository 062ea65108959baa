using System.Security.Cryptography;

namespace Cl37.Bot.Content;

/// <summary>The content folder read again and again: a file is parsed only when its bytes changed, and
/// a file that now has errors keeps its last good deck in service while its errors are reported.
/// A file never read well loads what parses, as at start.</summary>
public sealed class DeckFolder(string path)
{
    private readonly Lock _gate = new();
    private Dictionary<string, FileState> _files = new(StringComparer.Ordinal);
    private IReadOnlyList<DeckError> _problems = [];

    public string Path => path;

    /// <summary>True once the folder was read: the library in service came from this folder.</summary>
    public bool WasRead { get; private set; }

    /// <summary>Reads the folder; never throws. The first read reports every deck as added.</summary>
    public DeckReload Read()
    {
        lock (_gate)
        {
            var previous = _files;
            var next = new Dictionary<string, FileState>(StringComparer.Ordinal);
            var listProblems = new List<DeckError>();
            foreach (var file in ListFiles(listProblems))
                next[file] = ReadFile(file, previous.GetValueOrDefault(file));

            var decks = new List<Deck>();
            var errors = new List<DeckError>(listProblems);
            var skipped = new List<DeckError>();
            foreach (var (_, state) in next.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                errors.AddRange(state.Errors);
                skipped.AddRange(state.Skipped);
                if (state.InService is not { } deck)
                    continue;
                if (decks.Any(d => string.Equals(d.Id, deck.Id, StringComparison.OrdinalIgnoreCase)))
                {
                    errors.Add(new DeckError(deck.SourceFile, 1, $"another deck already has the id `{deck.Id}`; this file is skipped."));
                    continue;
                }
                decks.Add(deck);
            }

            var changes = WasRead ? Compare(previous, next) : [.. decks.Select(d => new DeckChange(DeckChangeKind.Added, d.Id, d.SourceFile, null, d.Questions.Count))];
            var problemsChanged = !errors.SequenceEqual(_problems);
            _files = next;
            _problems = errors;
            WasRead = true;
            return new DeckReload(new DeckLibrary(decks, errors, skipped), changes, problemsChanged);
        }
    }

    private string[] ListFiles(List<DeckError> problems)
    {
        try
        {
            if (File.Exists(path))
                return [path];
            if (Directory.Exists(path))
            {
                string[] files = [.. Directory.GetFiles(path).Where(DeckLoader.IsDeckFile).Order(StringComparer.Ordinal)];
                if (files.Length == 0)
                    problems.Add(new DeckError(path, 0, "no deck files (*.md, *.gift, *.gift.txt, *.xml) in this folder."));
                return files;
            }
            problems.Add(new DeckError(path, 0, "no such folder or file; set Quiz:ContentPath to the folder of deck files."));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new DeckError(path, 0, "cannot list the deck folder: " + ex.Message));
        }
        return [];
    }

    private static FileState ReadFile(string file, FileState? before)
    {
        var shown = DeckLoader.Display(file);
        byte[] bytes;
        try
        {
            var length = new FileInfo(file).Length;
            if (length > DeckLoader.MaxFileBytes)
                return Failed(before, new DeckError(shown, 1, $"the file is {length / 1_000_000.0:0.#} MB; a deck file may be at most {DeckLoader.MaxFileBytes / 1_000_000} MB."));
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(before, new DeckError(shown, 1, "cannot read the file: " + ex.Message));
        }
        var hash = SHA256.HashData(bytes);
        if (before is not null && before.Hash is { } old && old.AsSpan().SequenceEqual(hash))
            return before;
        var parsed = DeckLoader.ParseFile(shown, bytes);
        // A file being written, or edited into a mistake, must not take questions out of service.
        var keep = parsed.Errors.Count > 0 && before?.InService is not null;
        return keep
            ? new FileState(hash, before!.InService, parsed.Errors, before.Skipped, before.InService)
            : new FileState(hash, parsed.Deck, parsed.Errors, parsed.Skipped, null);
    }

    private static FileState Failed(FileState? before, DeckError error) =>
        before is { Hash: null } && before.Errors.SequenceEqual([error])
            ? before
            : new(null, before?.InService, [error], before?.Skipped ?? [], before?.InService);

    private static List<DeckChange> Compare(Dictionary<string, FileState> before, Dictionary<string, FileState> after)
    {
        var changes = new List<DeckChange>();
        foreach (var (file, state) in after.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(file)?.InService;
            var now = state.InService;
            if (state.KeptFrom is { } kept && !ReferenceEquals(before.GetValueOrDefault(file), state))
                changes.Add(new DeckChange(DeckChangeKind.KeptLastGood, kept.Id, kept.SourceFile, kept.Questions.Count, kept.Questions.Count) { Errors = state.Errors });
            else if (old is null && now is not null)
                changes.Add(new DeckChange(DeckChangeKind.Added, now.Id, now.SourceFile, null, now.Questions.Count));
            else if (old is not null && now is null)
                changes.Add(new DeckChange(DeckChangeKind.Removed, old.Id, old.SourceFile, old.Questions.Count, null));
            else if (old is not null && now is not null && !ReferenceEquals(old, now))
                changes.Add(new DeckChange(DeckChangeKind.Updated, now.Id, now.SourceFile, old.Questions.Count, now.Questions.Count));
        }
        foreach (var (file, state) in before.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!after.ContainsKey(file) && state.InService is { } gone)
                changes.Add(new DeckChange(DeckChangeKind.Removed, gone.Id, gone.SourceFile, gone.Questions.Count, null));
        }
        return changes;
    }

    /// <param name="Hash">Null when the file could not be read, so the next read parses it again.</param>
    /// <param name="KeptFrom">The last good deck kept in service because the new bytes have errors.</param>
    private sealed record FileState(byte[]? Hash, Deck? InService, IReadOnlyList<DeckError> Errors, IReadOnlyList<DeckError> Skipped, Deck? KeptFrom);
}
