using Cl37.Bot.Content;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz.Analysis;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Messages;

public sealed class ItemAnalysisMessagesTests
{
    private static readonly Deck Deck = TestDeck.Deck();

    private static ItemAnalysisRow Row(Question q, params CommonAnswer[] wrong) =>
        new(q, new ItemStatistics(2, 12, 41.7, 35.2, q.Options.Select((_, i) => i + 1).ToList(), [], [], ItemFlags.None), wrong);

    [Fact]
    public void Reply_Text_OneNarrowBlockPerQuestion()
    {
        var report = new ItemAnalysisReport("test", 12, [Row(Deck.Questions[0]), Row(Deck.Questions[4], new CommonAnswer("Container", 4), new CommonAnswer("Node", 2))]);

        var reply = ItemAnalysisMessages.Reply(report, csv: false);

        Assert.Null(reply.Card);
        Assert.StartsWith("""
            **Item analysis · deck test**

            **MCQ 1** · test/mcq/1 — asked 2, 12 answers
            - facility 42%, discrimination 35
            - A 1 · B 2 ✓ · C 3 · D 4

            **Fill 1** · test/fill/1 — asked 2, 12 answers
            - facility 42%, discrimination 35
            - most common wrong: “Container” ×4, “Node” ×2

            12 people ·
            """.ReplaceLineEndings("\n"), reply.Text, StringComparison.Ordinal);
        // Narrow enough for a phone and for Discord without a code block: only the legend is a long line.
        Assert.All(reply.Text.Split('\n').SkipLast(1), line => Assert.True(line.Length <= 60, line));
    }

    [Fact]
    public void Reply_OnePerson_SaysPersonNotPeople()
    {
        var reply = ItemAnalysisMessages.Reply(new ItemAnalysisReport("test", 1, [Row(Deck.Questions[0])]), csv: false);

        Assert.Contains("\n1 person · facility", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_ManyQuestions_ShowsTheFirstAndSaysHowManyMore()
    {
        var rows = Enumerable.Range(1, 40).Select(n => Row(Deck.Questions[0] with { Id = $"test/mcq/{n}", Number = n })).ToList();

        var reply = ItemAnalysisMessages.Reply(new ItemAnalysisReport("test", 12, rows), csv: false);

        Assert.Contains("**MCQ 25** ·", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("**MCQ 26** ·", reply.Text, StringComparison.Ordinal);
        Assert.Contains("\n… 15 more questions — use `/quiz analysis format:csv`\n", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_Csv_AFileWithTheKeyAndTheCommonWrongAnswers()
    {
        var report = new ItemAnalysisReport(null, 12, [Row(Deck.Questions[2]), Row(Deck.Questions[3], new CommonAnswer("5 servers", 3), new CommonAnswer("3, 4", 1))]);

        var reply = ItemAnalysisMessages.Reply(report, csv: true);

        var file = Assert.Single(reply.Files);
        Assert.True(reply.Private);
        Assert.Equal("item-analysis-all.csv", file.FileName);
        Assert.Equal("""
            question_id,kind,topic,key,times_asked,answers,facility_percent,discrimination_index,option_counts,common_wrong_answers,flags
            test/msq/1,MultipleSelect,scaling,A B C,2,12,41.7,35.2,A=1 B=2 C=3 D=4,,
            test/numerical/1,Numerical,scaling,4 servers,2,12,41.7,35.2,,"5 servers (3); 3, 4 (1)",

            """.ReplaceLineEndings("\n"), System.Text.Encoding.UTF8.GetString(file.Content));
        Assert.DoesNotContain("question_id", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CommonWrong_SpellingsThatGradeTheSame_CountTogether() =>
        Assert.Equal(
            [new CommonAnswer("POST", 3), new CommonAnswer("GET", 1)],
            ItemAnalysisService.CommonWrong(["POST", "the Post", "GET", "POST"]));
}
