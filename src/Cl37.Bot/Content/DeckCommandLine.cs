using System.Globalization;

namespace Cl37.Bot.Content;

/// <summary><c>deck check [path]</c>: loads the decks, prints a count per question type and every
/// problem; exit code 1 when there is any problem. Wrong arguments go to standard error.</summary>
public static class DeckCommandLine
{
    private const string Usage = "Usage: deck check [path]   (a deck file or a folder of *.md; default: content/)";

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is ["help" or "--help" or "-h"])
        {
            output.WriteLine(Usage);
            return Task.FromResult(0);
        }
        if (args.Length == 0 || args[0] is not "check" || args.Length > 2)
        {
            error.WriteLine(args.Length == 0 ? "deck needs a sub-command." : $"deck: unknown arguments `{string.Join(' ', args)}`.");
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

    private static object Header(QuestionKind kind) => kind switch
    {
        QuestionKind.SingleChoice => "single",
        QuestionKind.MultipleSelect => "multiple",
        QuestionKind.Numerical => "numerical",
        _ => "fill-in",
    };
}
