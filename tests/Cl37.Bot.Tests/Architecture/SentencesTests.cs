namespace Cl37.Bot.Tests.Architecture;

/// <summary>Every sentence a person reads is worded in <c>Messages/</c>: no literal that reads like a
/// sentence reaches an <see cref="Cl37.Bot.Chat.OutgoingMessage"/> from anywhere else.</summary>
public sealed class SentencesTests
{
    private const string Planted = "Cl37.Bot.Tests.Architecture.Planted.Sentences";

    private static readonly Lazy<List<string>> PlantedFindings = new(() =>
        SentenceScanner.Find(typeof(SentencesTests).Assembly, Planted, ns => ns.StartsWith(Planted + ".Messages", StringComparison.Ordinal)));

    [Fact]
    public void Replies_OutsideMessages_CarryNoSentences()
    {
        var found = SentenceScanner.Find(typeof(Program).Assembly, "Cl37.Bot",
            ns => ns == "Cl37.Bot.Messages" || ns.StartsWith("Cl37.Bot.Messages.", StringComparison.Ordinal));

        Assert.True(found.Count == 0, "Sentences worded outside Messages/ (word them there, keyed by a record):\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("Direct", "Type an answer before submitting.")]
    [InlineData("Interpolated", " answer was recorded.")]
    [InlineData("ThroughAConstant", "This control is no longer active.")]
    [InlineData("ThroughHelpers", "Replies.Welcome()")]
    public void Find_PlantedSentence_IsReported(string method, string sentence) =>
        Assert.Contains($"{Planted}.Replies.{method}: \"{sentence}\"", PlantedFindings.Value);

    [Fact]
    public void Find_LogExceptionProtocolAndWordedStrings_AreNotReported()
    {
        Assert.DoesNotContain(PlantedFindings.Value, f => f.Contains(".Logged:", StringComparison.Ordinal)
            || f.Contains(".Thrown:", StringComparison.Ordinal)
            || f.Contains(".Worded:", StringComparison.Ordinal)
            || f.Contains("InPlace", StringComparison.Ordinal));
        Assert.Equal(4, PlantedFindings.Value.Count);
    }

    [Theory]
    [InlineData("Try again.", true)]
    [InlineData("`, not `", true)]
    [InlineData("application/json", false)]
    [InlineData("{0} {1}", false)]
    [InlineData(", ", false)]
    public void LooksLikeASentence_WordAndSpace_IsASentence(string text, bool expected) =>
        Assert.Equal(expected, SentenceScanner.LooksLikeASentence(text));
}
