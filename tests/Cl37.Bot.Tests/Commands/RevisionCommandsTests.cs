using Cl37.Bot.Chat;
using Cl37.Bot.Commands;
using Cl37.Bot.Content;
using Cl37.Bot.Tests.Decks;

namespace Cl37.Bot.Tests.Commands;

public sealed class RevisionCommandsTests
{
    private static readonly DeckLibrary Library = new([DeckFiles.ParseFile(DeckFiles.ContentDeck)], []);

    private static ChatCommand Command(string name, string? topic = null) =>
        new(new ChannelRef("playground", "g", "c"), new ChatUser("u", "U", false), name, null,
            topic is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["topic"] = topic });

    [Fact]
    public async Task Formulas_ReturnsTheFormulaSheet()
    {
        var handler = new FormulasCommand(Library);
        var reply = await handler.HandleAsync(Command("formulas"), CancellationToken.None);
        Assert.Equal("formulas", ((ICommandHandler)handler).Definition.Name);
        Assert.Contains("**Last-Minute Formula Sheet**", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Weight Parameters = Σ (neurons_prev_layer × neurons_current_layer)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("📌 `Docker Image Size = Base + Dependencies + Model_Files`", reply.Text, StringComparison.Ordinal);
        Assert.Contains("• **Weight count**: prev_neurons × current_neurons — 784 × 128 = 100,352", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("|---", reply.Text, StringComparison.Ordinal);
        Assert.InRange(reply.Text.Length, 100, RevisionNotes.MaxReplyLength);
    }

    [Fact]
    public async Task Formulas_NoSheet_SaysSo()
    {
        var reply = await new FormulasCommand(new DeckLibrary([], [])).HandleAsync(Command("formulas"), CancellationToken.None);
        Assert.StartsWith("No deck has a formula sheet.", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scaling", "Vertical vs Horizontal")]
    [InlineData("kubernetes", "**Pod**: Smallest K8s unit")]
    [InlineData("serialization", "• **Trap:** \"Hyperparameters are saved with the model\" → **Correct:** Only architecture and learned weights are saved")]
    [InlineData("onnx", "ONNX benefits")]
    [InlineData("K8s", "Auto chef hiring")]
    [InlineData("cold start", "Morning coffee time for servers")]
    public async Task Revise_Topic_ReturnsNotesThatMentionIt(string topic, string expected)
    {
        var handler = new ReviseCommand(Library);
        var reply = await handler.HandleAsync(Command("revise", topic), CancellationToken.None);
        Assert.Equal("revise", ((ICommandHandler)handler).Definition.Name);
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.Contains("quiz question", reply.Text, StringComparison.Ordinal);
        Assert.InRange(reply.Text.Length, 100, RevisionNotes.MaxReplyLength);
        Assert.True(reply.Private);
    }

    [Fact]
    public async Task Revise_TopicNotes_LeaveOutOtherTopics()
    {
        var reply = await new ReviseCommand(Library).HandleAsync(Command("revise", "docker"), CancellationToken.None);
        Assert.Contains("Docker", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("joblib = sklearn best friend", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Pick a topic to revise.")]
    [InlineData("quantum `physics`", "I have no notes on `quantum 'physics'`.")]
    public async Task Revise_NoOrUnknownTopic_ListsTopics(string? topic, string lead)
    {
        var reply = await new ReviseCommand(Library).HandleAsync(Command("revise", topic), CancellationToken.None);
        Assert.StartsWith(lead, reply.Text, StringComparison.Ordinal);
        Assert.Contains("Topics: cold start, load balancing, onnx, kubernetes, docker, monitoring", reply.Text, StringComparison.Ordinal);
        Assert.Contains("For example: `/revise topic:scaling`.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_LongText_CutsBetweenLinesUnderTheLimit()
    {
        var blocks = Enumerable.Range(1, 200).Select(i => $"line {i} " + new string('x', 50));
        var text = RevisionNotes.Fit(blocks, "See the deck.");
        Assert.True(text.Length <= RevisionNotes.MaxReplyLength, text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Matches(@"… \d+ more lines not shown\. See the deck\.$", text);
        Assert.StartsWith("line 1 ", text, StringComparison.Ordinal);
    }
}
