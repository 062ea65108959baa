using Cl37.Bot.Content;

namespace Cl37.Bot.Benchmarks;

/// <summary>The course deck reduced to its single-choice questions: the load drivers answer every
/// question with its first option, which is a gradable answer only for those.</summary>
internal static class BenchDecks
{
    public static DeckLibrary SingleChoice()
    {
        var decks = DeckLoader.Load(DeckLoader.ResolvePath("content", Machine.RepoRoot()));
        return new DeckLibrary([.. decks.Decks.Select(d => d with { Questions = [.. d.Questions.Where(q => q.Kind == QuestionKind.SingleChoice)] })], []);
    }
}
