using Cl37.Bot.Commands;
using Cl37.Bot.Content;
using Cl37.Bot.Tests.Decks;

namespace Cl37.Bot.Tests.Commands;

public sealed class RevisionCommandsTests
{
    private static readonly DeckLibrary Library = new([DeckFiles.ParseFile(DeckFiles.ContentDeck)], []);

    [Fact]
    public void Formulas_ReturnsTheFormulaSheet()
    {
        var reply = FormulasCommand.Sheet(Library);
        Assert.Contains("**Last-Minute Formula Sheet**", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Weight Parameters = Σ (neurons_prev_layer × neurons_current_layer)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("📌 `Docker Image Size = Base + Dependencies + Model_Files`", reply.Text, StringComparison.Ordinal);
        Assert.Contains("• **Weight count**: prev_neurons × current_neurons — 784 × 128 = 100,352", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("|---", reply.Text, StringComparison.Ordinal);
        Assert.InRange(reply.Text.Length, 100, RevisionNotes.MaxReplyLength);
    }

    [Fact]
    public void Formulas_NoSheet_SaysSo()
    {
        var reply = FormulasCommand.Sheet(new DeckLibrary([], []));
        Assert.StartsWith("No deck has a formula sheet.", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scaling", "Vertical vs Horizontal")]
    [InlineData("kubernetes", "**Pod**: Smallest K8s unit")]
    [InlineData("serialization", "• **Trap:** \"Hyperparameters are saved with the model\" → **Correct:** Only architecture and learned weights are saved")]
    [InlineData("onnx", "ONNX benefits")]
    [InlineData("K8s", "Auto chef hiring")]
    [InlineData("cold start", "Morning coffee time for servers")]
    public void Revise_Topic_ReturnsNotesThatMentionIt(string topic, string expected)
    {
        var reply = ReviseCommand.Notes(Library, topic);
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.Contains("quiz question", reply.Text, StringComparison.Ordinal);
        Assert.InRange(reply.Text.Length, 100, RevisionNotes.MaxReplyLength);
        Assert.True(reply.Private);
    }

    [Fact]
    public void Revise_TopicNotes_LeaveOutOtherTopics()
    {
        var reply = ReviseCommand.Notes(Library, "docker");
        Assert.Contains("Docker", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("joblib = sklearn best friend", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Pick a topic to revise.")]
    [InlineData("quantum `physics`", "I have no notes on `quantum 'physics'`.")]
    public void Revise_NoOrUnknownTopic_ListsTopics(string? topic, string lead)
    {
        var reply = ReviseCommand.Notes(Library, topic);
        Assert.StartsWith(lead, reply.Text, StringComparison.Ordinal);
        Assert.Contains("Topics: cold start, load balancing, onnx, kubernetes, docker, monitoring", reply.Text, StringComparison.Ordinal);
        Assert.Contains("For example: `/revise topic:scaling`.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void FormulasAndRevise_UploadedDeck_OnlyItsGroupSeesItsNotes()
    {
        var uploaded = DeckParser.ParseText("g5-ops.md", """
            # Ops notes

            ## Section A: Multiple Choice Questions (MCQ)

            ### MCQ 1
            **Question:** Which one scales pods on load?

            **Options:**
            - A) HPA
            - B) Grafana

            **Correct Answer:** A

            ## Quick Revision Points

            ### Formula Sheet
            - **Replica budget**: pods × 0.5 CPU = the node's share

            ### Key Concepts
            - **Docker layers**: each RUN makes a cached layer
            """).Deck!;
        var library = new DeckLibrary([DeckFiles.ParseFile(DeckFiles.ContentDeck)], []);
        library.ReplaceUploads(new Dictionary<long, IReadOnlyList<Deck>> { [5] = [uploaded] });

        Assert.Contains("Replica budget", FormulasCommand.Sheet(library.For(5)).Text, StringComparison.Ordinal);
        Assert.Contains("Docker layers", ReviseCommand.Notes(library.For(5), "docker").Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Replica budget", FormulasCommand.Sheet(library.For(6)).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Docker layers", ReviseCommand.Notes(library.For(6), "docker").Text, StringComparison.Ordinal);
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
