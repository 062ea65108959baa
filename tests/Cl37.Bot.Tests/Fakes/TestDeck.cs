using Cl37.Bot.Content;

namespace Cl37.Bot.Tests.Fakes;

/// <summary>A small deck built in code: two of each kind, so quiz tests don't depend on the parser.</summary>
public static class TestDeck
{
    public static DeckLibrary Library() => new([Deck()], []);

    /// <summary>The deck cut to its first question (single choice, key B), so every post is that one.</summary>
    public static DeckLibrary OneQuestion() => new([Deck() with { Questions = [Deck().Questions[0]] }], []);

    public static Deck Deck() => new("test", "Test deck", "test.md",
    [
        Choice(1, "B"),
        Choice(2, "C"),
        new Question("test/msq/1", "test", "msq", 1, QuestionKind.MultipleSelect, "Pick the scaling kinds",
            Options("A", "B", "C", "D"), ["A", "B", "C"], "A, B and C scale.", new Dictionary<string, string> { ["D"] = "D does not scale." },
            null, [], "A, B, C", [], [], "scaling", "test.md", 30),
        new Question("test/numerical/1", "test", "numerical", 1, QuestionKind.Numerical, "How many servers for 200 rps at 50 rps each?",
            [], [], "200 / 50 = 4", new Dictionary<string, string>(), "Peak 200, capacity 50", ["4"], "4 servers",
            [new NumericPart(null, 4, "servers", 0, 0)], [], "scaling", "test.md", 40),
        new Question("test/fill/1", "test", "fill", 1, QuestionKind.FillIn, "The smallest deployable unit in Kubernetes is a ____.",
            [], [], "A Pod holds containers.", new Dictionary<string, string>(), null, [], "Pod", [], ["Pod"], "kubernetes", "test.md", 50),
    ], []);

    private static Question Choice(int n, string key) => new($"test/mcq/{n}", "test", "mcq", n, QuestionKind.SingleChoice, $"Question {n}?",
        Options("A", "B", "C", "D"), [key], $"Because {key}.", new Dictionary<string, string> { ["A"] = "A is wrong." },
        null, [], key, [], [], n == 1 ? "serialization" : "flask", "test.md", n * 10);

    private static List<QuestionOption> Options(params string[] keys) => keys.Select(k => new QuestionOption(k, "Option " + k)).ToList();
}
