using System.Globalization;

namespace Cl37.Bot.Content;

/// <summary><c>deck check [path]</c>: loads the decks, prints a count per question type and every
/// problem; exit code 1 when there is any problem. <c>deck export</c> and <c>deck convert</c> write a
/// deck as Markdown, GIFT or Moodle XML and name what the target cannot carry. Wrong arguments go to
/// standard error.</summary>
public static class DeckCommandLine
{
    private const string Usage = """
        Usage: deck check [path]                                   a deck file or folder (*.md, *.gift, *.gift.txt, *.xml; default: content/)
               deck export [DECK] --format gift|moodle-xml|markdown [--out FILE] [--from path]
               deck convert IN OUT                                 formats from the extensions (.md, .gift, .gift.txt, .xml)
        """;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is ["help" or "--help" or "-h"] or ["check", "help" or "--help" or "-h"])
        {
            output.WriteLine(Usage);
            return Task.FromResult(0);
        }
        if (args is ["export", .. var exportArgs])
            return Task.FromResult(Export(exportArgs, output, error));
        if (args is ["convert", .. var convertArgs])
            return Task.FromResult(ConvertFile(convertArgs, output, error));
        // A word starting with "-" is an option nobody defined, not a path.
        if (args.Length == 0 || args[0] is not "check" || args.Length > 2 || args is [_, ['-', ..]])
        {
            error.WriteLine(args.Length == 0 ? "deck needs a sub-command." : $"deck: unknown arguments '{string.Join(' ', args)}'.");
            error.WriteLine(Usage);
            return Task.FromResult(2);
        }
        var path = DeckLoader.ResolvePath(args.Length == 2 ? args[1] : null);
        var library = DeckLoader.Load(path);
        Report(library, output);
        return Task.FromResult(library.Errors.Count == 0 ? 0 : 1);
    }

    public static void Report(DeckLibrary library, TextWriter output)
    {
        var kinds = Enum.GetValues<QuestionKind>();
        var width = Math.Max(10, library.Decks.Select(d => d.Id.Length).DefaultIfEmpty(0).Max());
        string Row(string name, IEnumerable<object> cells) =>
            name.PadRight(width) + string.Concat(cells.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture)!.PadLeft(12)));

        output.WriteLine(Row("deck", [.. kinds.Select(Header), "total", "revision"]));
        foreach (var deck in library.Decks)
            output.WriteLine(Row(deck.Id, [.. kinds.Select(k => (object)deck.Questions.Count(q => q.Kind == k)), deck.Questions.Count, deck.Revision.Count]));
        if (library.Decks.Count > 1)
        {
            output.WriteLine(Row("all", [.. kinds.Select(k => (object)library.AllQuestions.Count(q => q.Kind == k)),
                library.AllQuestions.Count(), library.Decks.Sum(d => d.Revision.Count)]));
        }
        foreach (var error in library.Errors)
            output.WriteLine(error.ToString());
        foreach (var skip in library.Skipped)
            output.WriteLine(skip.ToString());
        var total = library.AllQuestions.Count();
        var skipped = library.Skipped.Count == 0 ? "" : $", {library.Skipped.Count} skipped (type not supported)";
        output.WriteLine(library.Errors.Count == 0
            ? $"{total} questions in {library.Decks.Count} deck(s){skipped}, no errors."
            : $"{total} questions in {library.Decks.Count} deck(s){skipped}, {library.Errors.Count} error(s).");
    }

    private static int Export(string[] args, TextWriter output, TextWriter error)
    {
        string? deckId = null, formatName = null, outFile = null, from = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--format" when i + 1 < args.Length:
                    formatName = args[++i];
                    break;
                case "--out" when i + 1 < args.Length:
                    outFile = args[++i];
                    break;
                case "--from" when i + 1 < args.Length:
                    from = args[++i];
                    break;
                case var word when !word.StartsWith('-') && deckId is null:
                    deckId = word;
                    break;
                default:
                    error.WriteLine($"deck export: unexpected `{args[i]}`.");
                    error.WriteLine(Usage);
                    return 2;
            }
        }
        var format = DeckWriter.ParseFormat(formatName ?? (outFile is null ? null : DeckWriter.FormatOf(outFile)?.ToString()));
        if (format is null)
        {
            error.WriteLine(formatName is null ? "deck export needs --format gift, moodle-xml or markdown." : $"deck export: `{formatName}` is not a format; use gift, moodle-xml or markdown.");
            return 2;
        }
        var library = DeckLoader.Load(DeckLoader.ResolvePath(from));
        Deck? deck;
        if (deckId is null)
        {
            if (library.Decks.Count != 1)
            {
                error.WriteLine($"deck export: name the deck to export; there are {library.Decks.Count}: {string.Join(", ", library.Decks.Select(d => d.Id))}.");
                return 2;
            }
            deck = library.Decks[0];
        }
        else if ((deck = library.FindDeck(deckId)) is null)
        {
            error.WriteLine($"deck export: no deck `{deckId}`; the decks are {string.Join(", ", library.Decks.Select(d => d.Id))}.");
            return 1;
        }
        return Write(deck, format.Value, outFile, output, error);
    }

    private static int ConvertFile(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length != 2)
        {
            error.WriteLine("deck convert needs an input and an output file: deck convert IN OUT.");
            error.WriteLine(Usage);
            return 2;
        }
        var (input, target) = (args[0], args[1]);
        if (DeckWriter.FormatOf(target) is not { } format)
        {
            error.WriteLine($"deck convert: `{target}` must end in .md, .gift, .gift.txt or .xml, which says the format to write.");
            return 2;
        }
        if (!DeckLoader.IsDeckFile(input))
        {
            error.WriteLine($"deck convert: `{input}` must end in .md, .gift, .gift.txt or .xml, which says the format to read.");
            return 2;
        }
        var library = DeckLoader.Load(DeckLoader.ResolvePath(input));
        foreach (var skip in library.Skipped)
            output.WriteLine(skip.ToString());
        if (library.Errors.Count > 0 || library.Decks.Count == 0)
        {
            foreach (var problem in library.Errors)
                error.WriteLine(problem.ToString());
            error.WriteLine($"deck convert: {input} has {library.Errors.Count} problem(s); nothing was written.");
            return 1;
        }
        return Write(library.Decks[0], format, target, output, error);
    }

    private static int Write(Deck deck, DeckFormat format, string? outFile, TextWriter output, TextWriter error)
    {
        var export = DeckWriter.Write(deck, format);
        if (outFile is null)
        {
            // The file goes to standard output as it is; the notes go beside it, not into it.
            output.Write(export.Content);
            foreach (var loss in export.Losses)
                error.WriteLine(loss);
            return 0;
        }
        try
        {
            File.WriteAllText(outFile, export.Content, new System.Text.UTF8Encoding(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"deck: cannot write {outFile}: {ex.Message}");
            return 1;
        }
        output.WriteLine($"Wrote {deck.Questions.Count} questions of {deck.Id} to {outFile} ({format}).");
        foreach (var loss in export.Losses)
            output.WriteLine(loss);
        return 0;
    }

    private static object Header(QuestionKind kind) => kind switch
    {
        QuestionKind.SingleChoice => "single",
        QuestionKind.MultipleSelect => "multiple",
        QuestionKind.Numerical => "numerical",
        _ => "fill-in",
    };
}
