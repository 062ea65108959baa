using Cl37.Bot.Content;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Transcripts;

/// <summary>The one session every platform plays, written once: an admin posts a single-choice, a
/// multiple-select and a numerical question; Ann answers everything right and clicks twice, Ben is
/// wrong, Cy answers the first question after its reveal; then the reveal, the board, stats, a
/// calculator, help, a refusal and a bad argument; then a fill-in question answered by command
/// (<c>/quiz answer</c>, one answer with Markdown in it) and a competition whose name has Markdown; then a
/// deck added from the chat with a wrong key, answered, sent again with the key fixed, and regraded. Each question comes from its own one-question
/// deck (<c>deck:</c>), so what is posted never depends on a random draw.</summary>
internal static class TranscriptScenario
{
    public const string Admin = "Tutor";

    /// <summary>Everyone who takes part; only the tutor is an admin.</summary>
    public static IReadOnlyList<string> People { get; } = [Admin, "Ann", "Ben", "Cy"];

    /// <summary>A GIFT deck the tutor adds from the chat: one question this bot asks, with a wrong key
    /// (Ribosome), and one it skips. Declared before <see cref="Steps"/>, which it is part of.</summary>
    public static TranscriptFile Biology { get; } = new("biology.gift",
        "::cell-1::Which organelle makes most of a cell's ATP? {~Mitochondrion =Ribosome ~Nucleus}\n\n"
        + "::match::Match each part to its job. {=Nucleus -> holds DNA =Ribosome -> makes proteins =Membrane -> keeps things out}\n");

    /// <summary>The same file with the key fixed (Mitochondrion), sent again to replace it.</summary>
    public static TranscriptFile BiologyFixed { get; } = new("biology.gift",
        "::cell-1::Which organelle makes most of a cell's ATP? {=Mitochondrion ~Ribosome ~Nucleus}\n\n"
        + "::match::Match each part to its job. {=Nucleus -> holds DNA =Ribosome -> makes proteins =Membrane -> keeps things out}\n");

    public static IReadOnlyList<TranscriptStep> Steps { get; } =
    [
        new TranscriptStep.Command(Admin, "/quiz now deck:single"),
        new TranscriptStep.Wait(5),
        new TranscriptStep.Answer("Ann", 1, "B"),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Answer("Ann", 1, "B"),
        new TranscriptStep.Wait(3),
        new TranscriptStep.Answer("Ben", 1, "A"),
        new TranscriptStep.FlushTallies(),
        new TranscriptStep.Wait(60),
        new TranscriptStep.Command(Admin, "/quiz now deck:multi"),
        new TranscriptStep.Wait(4),
        new TranscriptStep.Answer("Cy", 1, "B"),
        new TranscriptStep.Answer("Ann", 2, "A", "B", "C"),
        new TranscriptStep.Wait(6),
        new TranscriptStep.Answer("Ben", 2, "A", "D"),
        new TranscriptStep.FlushTallies(),
        new TranscriptStep.Wait(60),
        new TranscriptStep.Command(Admin, "/quiz now deck:numeric"),
        new TranscriptStep.Wait(7),
        new TranscriptStep.Answer("Ann", 3, "4"),
        new TranscriptStep.Wait(3),
        new TranscriptStep.Answer("Ben", 3, "5"),
        new TranscriptStep.Wait(3),
        new TranscriptStep.Answer("Cy", 3, "4 servers"),
        new TranscriptStep.FlushTallies(),
        new TranscriptStep.Wait(30),
        new TranscriptStep.Command(Admin, "/quiz reveal"),
        // People type at human speed; Teams' send queue holds an eighth send within 2 s on the same clock.
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command("Ann", "/leaderboard"),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command(Admin, "/quiz schedule set time:09:00,13:00,18:00"),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command(Admin, "/quiz exam set 2026-12-20"),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command("Cy", "/quiz exam show"),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command("Ann", "/stats"),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command("Ben", "/calc servers 200 50"),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command("Ben", "/help"),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command("Cy", "/quiz reveal"),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command("Cy", "/calc hpa 2 abc 60"),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command(Admin, "/quiz analysis"),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command(Admin, "/quiz analysis format:csv"),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command(Admin, "/quiz regrade"),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command(Admin, "/quiz now deck:fill"),
        new TranscriptStep.Wait(5),
        new TranscriptStep.Command("Ann", "/quiz answer text:a *pod* __or__ so"),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command("Ben", "/quiz answer Pod"),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command(Admin, "/competition start name:\"December *sprint* ＠everyone\" end:2026-12-20"),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command(Admin, "/quiz deck add", Biology),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command(Admin, "/quiz deck confirm"),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command(Admin, "/quiz decks"),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command(Admin, "/quiz now deck:biology"),
        new TranscriptStep.Wait(5),
        new TranscriptStep.Answer("Ann", 5, "A"),
        new TranscriptStep.Wait(3),
        new TranscriptStep.Answer("Ben", 5, "B"),
        new TranscriptStep.FlushTallies(),
        new TranscriptStep.Wait(60),
        new TranscriptStep.Command(Admin, "/quiz deck add", BiologyFixed),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command(Admin, "/quiz deck confirm"),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command(Admin, "/quiz regrade deck:biology"),
        new TranscriptStep.Wait(2),
        new TranscriptStep.Command(Admin, "/quiz regrade deck:biology confirm:true"),
    ];

    /// <summary>Replies only the person who asked may see; none of their paragraphs may reach a public message.</summary>
    public static bool RepliesPrivately(TranscriptStep step) =>
        step is TranscriptStep.Answer
        || step is TranscriptStep.Command { Text: "/stats" or "/quiz analysis" or "/quiz analysis format:csv" or "/quiz decks" or "/quiz regrade" or "/quiz regrade deck:biology" or "/quiz deck add" or "/quiz deck confirm" }
        || (step is TranscriptStep.Command { Text: var text } && text.StartsWith("/quiz answer", StringComparison.Ordinal));

    /// <summary>One-question decks cut from the test deck: MCQ 1 (key B), MSQ 1 (A, B, C), Numerical 1 (4), Fill 1 (Pod);
    /// the numerical one an imported GIFT file that skipped two matching questions, the fill-in one a file
    /// with a problem, and a file that gave no deck, so <c>/quiz decks</c> shows all three.</summary>
    public static DeckLibrary Decks()
    {
        var questions = TestDeck.Deck().Questions;
        return new DeckLibrary(
        [
            new Deck("single", "Single choice", "single.md", [questions[0]], []),
            new Deck("multi", "Multiple select", "multi.md", [questions[2]], []),
            new Deck("numeric", "Numerical", "numeric.gift", [questions[3]], []),
            new Deck("fill", "Fill in", "fill.md", [questions[4]], []),
        ],
        [
            new DeckError("fill.md", 12, "option E has no text."),
            new DeckError("draft.md", 1, "the file is empty."),
        ],
        [
            new DeckError("numeric.gift", 40, "`pairs`: skipped: matching — this bot has no such question type."),
            new DeckError("numeric.gift", 51, "skipped: matching — this bot has no such question type."),
        ]);
    }

    /// <summary>The app's address for its start-up check: port 0 is never taken, whatever else runs on this machine.</summary>
    public const string Urls = "http://127.0.0.1:0";

    /// <summary>The scenario starts on a Monday morning, UTC.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
}
