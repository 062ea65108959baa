using Cl37.Bot.Content;
using Cl37.Bot.Messages;
using Cl37.Bot.Tests.Decks;

namespace Cl37.Bot.Tests.Messages;

/// <summary>Per-answer feedback from an imported file is what the person sees for their own pick.</summary>
public sealed class PickFeedbackTests
{
    private static Question Titled(string title) =>
        DeckLoader.ParseFile("mappings.gift", File.ReadAllBytes(ImportFiles.Sample("mappings.gift"))).Deck!.Questions.Single(q => q.Title == title);

    [Theory]
    [InlineData("Base image", "A", "\n**A:** Right: every image starts from one.")]
    [InlineData("Base image", "B", "\n**Why not B:** RUN executes a command in a new layer.")]
    [InlineData("Base image", "D", "")]
    [InlineData("Ports", "A, C", "\n**A:** Plain HTTP.\n**Why not C:** That is SSH.")]
    [InlineData("Kernel", "B", "\n**Why not B:** They do share it: that is why they start fast.")]
    [InlineData("Scraper", "promtail", "\n**Your answer:** Close: its full name is Prometheus.")]
    [InlineData("Scraper", "Grafana", "")]
    public void PickFeedback_ImportedQuestion_ShowsTheNoteForThatPick(string title, string response, string expected) =>
        Assert.Equal(expected, QuestionCards.PickFeedback(Titled(title), response));
}
