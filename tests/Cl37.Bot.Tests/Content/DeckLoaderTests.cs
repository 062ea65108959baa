using System.Text;
using Cl37.Bot.Content;

namespace Cl37.Bot.Tests.Decks;

public sealed class DeckLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cl37-decks-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void Load_FolderWithGoodAndBadDecks_LoadsGoodAndReportsBad()
    {
        File.Copy(DeckFiles.ContentDeck, Path.Combine(_dir, "a-course.md"));
        File.WriteAllText(Path.Combine(_dir, "b-empty.md"), "");
        File.WriteAllBytes(Path.Combine(_dir, "c-random.md"), [0xFF, 0xFE, 0x00, 0x01]);
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "not a deck");

        var library = DeckLoader.Load(_dir);

        var deck = Assert.Single(library.Decks);
        Assert.Equal("a-course", deck.Id);
        Assert.Equal(38, library.AllQuestions.Count());
        Assert.Equal(2, library.Errors.Count);
        Assert.EndsWith("b-empty.md", library.Errors[0].File, StringComparison.Ordinal);
        Assert.EndsWith("c-random.md", library.Errors[1].File, StringComparison.Ordinal);
        Assert.Single(library.AllQuestions, q => QuestionIds.Positional(q) == "a-course/msq/3");
    }

    [Fact]
    public void Load_MissingFolder_IsAnErrorNotAnException()
    {
        var library = DeckLoader.Load(Path.Combine(_dir, "nope"));
        Assert.Empty(library.Decks);
        Assert.Contains("no such folder", Assert.Single(library.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyFolder_SaysSo()
    {
        var library = DeckLoader.Load(_dir);
        Assert.Contains("no deck files", Assert.Single(library.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolvePath_PrefersCurrentDirectoryThenFallsBack()
    {
        var cwd = Directory.CreateDirectory(Path.Combine(_dir, "cwd")).FullName;
        var app = Directory.CreateDirectory(Path.Combine(_dir, "app")).FullName;
        Directory.CreateDirectory(Path.Combine(app, "content"));

        Assert.Equal(Path.Combine(app, "content"), DeckLoader.ResolvePath(null, cwd, app));
        Directory.CreateDirectory(Path.Combine(cwd, "content"));
        Assert.Equal(Path.Combine(cwd, "content"), DeckLoader.ResolvePath("content", cwd, app));
        Assert.Equal(Path.Combine(cwd, "missing"), DeckLoader.ResolvePath("missing", cwd, app));
        Assert.Equal(Path.Combine(_dir, "abs"), DeckLoader.ResolvePath(Path.Combine(_dir, "abs"), cwd, app));
    }

    [Fact]
    public async Task DeckCheck_ShippedContent_Reports38AndExitsZero()
    {
        var output = new StringWriter();
        var code = await DeckCommandLine.RunAsync(["check", Path.Combine(DeckFiles.RepoRoot, "content")], output, TextWriter.Null);
        var text = output.ToString();
        Assert.Equal(0, code);
        Assert.Matches(@"cl37-model-deployment\s+15\s+10\s+5\s+8\s+38\s+11", text);
        Assert.Contains("38 questions in 1 deck(s), no errors.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeckCheck_BrokenDeck_ListsErrorsAndExitsOne()
    {
        var text = File.ReadAllText(DeckFiles.ContentDeck).Replace("**✅ Correct Answer:** C\n\n**📖 Explanation:** POST", "**✅ Correct Answer:** F\n\n**📖 Explanation:** POST", StringComparison.Ordinal);
        var file = Path.Combine(_dir, "broken.md");
        File.WriteAllText(file, text, new UTF8Encoding(false));
        var line = text.Split('\n').ToList().FindIndex(l => l == "**✅ Correct Answer:** F") + 1;

        var output = new StringWriter();
        var code = await DeckCommandLine.RunAsync(["check", file], output, TextWriter.Null);

        Assert.Equal(1, code);
        Assert.Contains($"{file}:{line}: MCQ 4: answer letter F is not among the options A–D.", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("37 questions in 1 deck(s), 1 error(s).", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check --help")]
    [InlineData("check -h")]
    [InlineData("--help")]
    public async Task DeckCheck_Help_PrintsUsageNotAPathProblem(string args)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(0, await DeckCommandLine.RunAsync(args.Split(' '), output, error));

        Assert.StartsWith("Usage: deck check [path]", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(error.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("verify")]
    [InlineData("check a b")]
    [InlineData("check --verbose")]
    public async Task DeckCheck_BadArguments_PrintsUsageToStandardError(string args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(2, await DeckCommandLine.RunAsync(args.Split(' ', StringSplitOptions.RemoveEmptyEntries), output, error));
        Assert.Contains("Usage: deck check [path]", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }
}
