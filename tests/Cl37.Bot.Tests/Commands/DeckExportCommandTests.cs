using Cl37.Bot.Commands;
using Cl37.Bot.Content;
using Cl37.Bot.Messages;
using Cl37.Bot.Tests.Decks;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Commands;

public sealed class DeckExportCommandTests
{
    [Fact]
    public async Task DeckExport_Admin_GetsTheFileAndAPreviewThatFitsOneMessage()
    {
        var course = new DeckLibrary([DeckFiles.ParseFile(DeckFiles.ContentDeck)], []);
        await using var app = new QuizApp(course);

        var reply = await app.RunAsync("/quiz deck export cl37-model-deployment gift", QuizApp.User("admin", admin: true));

        var file = Assert.Single(reply.Files);
        Assert.Equal("cl37-model-deployment.gift", file.FileName);
        Assert.Equal(DeckWriter.Write(course.Decks[0], DeckFormat.Gift).Content, System.Text.Encoding.UTF8.GetString(file.Content));
        Assert.True(reply.Private);
        Assert.True(reply.Text.Length <= 2000, $"{reply.Text.Length} characters");
        Assert.StartsWith("**Deck export · cl37-model-deployment · GIFT** — 38 questions, `cl37-model-deployment.gift` (", reply.Text, StringComparison.Ordinal);
        Assert.Contains("\n- GIFT cannot carry units of numerical answers: Numerical 1, Numerical 2, Numerical 3, Numerical 4, Numerical 5.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("\n```\n// CL37: Model Deployment Basics - Exam Preparation\n\n$CATEGORY: cl37-model-deployment/serialization\n\n::MCQ 1::[markdown]What is Model Serialization", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith($"characters. Where this chat takes files the whole file comes with this message; otherwise run `deck export cl37-model-deployment --format gift --out cl37-model-deployment.gift` where the bot runs.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeckExport_NonAdminOrUnknownDeckOrFormat_OneClearLine()
    {
        await using var app = new QuizApp();

        var refused = await app.RunAsync("/quiz deck export test gift", QuizApp.User("bob"));
        var unknown = await app.RunAsync("/quiz deck export nope gift", QuizApp.User("admin", admin: true));
        var xml = await app.RunAsync("/quiz deck export test moodle-xml", QuizApp.User("admin", admin: true));

        Assert.StartsWith("Only admins", refused.Text, StringComparison.Ordinal);
        Assert.Equal("There is no deck `nope`. Decks: test.", unknown.Text);
        var file = Assert.Single(xml.Files);
        Assert.Equal(("test.xml", "application/xml"), (file.FileName, file.MediaType));
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>", System.Text.Encoding.UTF8.GetString(file.Content), StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_DeckExport_IsAnAdminSubCommandOfQuizWithTheFormats()
    {
        var sub = CommandRegistrations.Catalog().Find("quiz")!.FindSubCommand("deck export");

        Assert.NotNull(sub);
        Assert.True(sub.AdminOnly);
        Assert.Equal(["gift", "moodle-xml", "markdown"], sub.Options.Single(o => o.Name == "format").Choices);
        Assert.True(DeckExportMessages.PreviewCharacters < 2000);
    }
}
