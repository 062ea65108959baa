using Cl37.Bot.Content;
using Cl37.Bot.Quiz.Grading;
using Cl37.Bot.Tests.Decks;

namespace Cl37.Bot.Tests.Quiz.Grading;

public sealed class GraderTests
{
    private static readonly Deck Course = DeckFiles.ParseFile(DeckFiles.ContentDeck);

    private static Question Q(string id) => Course.Questions.Single(q => QuestionIds.Positional(q) == "cl37-model-deployment/" + id);

    private static GradeResult Grade(string id, params string[] values) => Grader.Grade(Q(id), values);

    [Fact]
    public void Grade_EveryDeckAnswer_IsCorrect()
    {
        foreach (var q in Course.Questions)
        {
            string[] values = q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleSelect ? [.. q.CorrectKeys] : [q.AnswerText];
            var result = Grader.Grade(q, values);
            Assert.True(result.IsCorrect, $"{q.Id}: {result.Recorded} {result.Error}");
            Assert.Equal(10, result.Points);
            Assert.Null(Grader.ValidateInput(q, values));
        }
    }

    [Theory]
    [InlineData("mcq/1", "B", 10, "B")]
    [InlineData("mcq/1", " b ", 10, "B")]
    [InlineData("mcq/1", "A", 0, "A")]
    [InlineData("mcq/4", "C", 10, "C")]
    [InlineData("mcq/4", "D", 0, "D")]
    public void Grade_SingleChoice_AllOrNothing(string id, string value, double points, string recorded)
    {
        var r = Grade(id, value);
        Assert.True(r.IsValid);
        Assert.Equal(points, r.Points);
        Assert.Equal(points == 10, r.IsCorrect);
        Assert.Equal(recorded, r.Recorded);
    }

    // MSQ 2: right options A, B, E (3 of them); C and D are wrong.
    [Theory]
    [InlineData(new[] { "A", "B", "E" }, 10, true, "A, B, E")]
    [InlineData(new[] { "E", "A", "B" }, 10, true, "A, B, E")]
    [InlineData(new[] { "A, B, E" }, 10, true, "A, B, E")]
    [InlineData(new[] { "A", "B" }, 6.67, false, "A, B")]
    [InlineData(new[] { "A" }, 3.33, false, "A")]
    [InlineData(new[] { "A", "B", "C" }, 3.33, false, "A, B, C")]
    [InlineData(new[] { "A", "B", "E", "C" }, 6.67, false, "A, B, C, E")]
    [InlineData(new[] { "A", "C" }, 0, false, "A, C")]
    [InlineData(new[] { "C", "D" }, 0, false, "C, D")]
    [InlineData(new[] { "A", "B", "C", "D", "E" }, 3.33, false, "A, B, C, D, E")]
    [InlineData(new[] { "a", "a", "b", "e" }, 10, true, "A, B, E")]
    public void Grade_MultipleSelect_GivesPartialCredit(string[] values, double points, bool correct, string recorded)
    {
        var r = Grade("msq/2", values);
        Assert.True(r.IsValid, r.Error);
        Assert.Equal(points, r.Points);
        Assert.Equal(correct, r.IsCorrect);
        Assert.Equal(recorded, r.Recorded);
    }

    [Fact]
    public void Grade_MultipleSelectFourRight_QuartersCredit()
    {
        // MSQ 1: A, B, C, D right, E wrong.
        Assert.Equal(7.5, Grade("msq/1", "A", "B", "C").Points);
        Assert.Equal(5, Grade("msq/1", "A", "B", "C", "E").Points);
        Assert.Equal(2.5, Grade("msq/1", "D").Points);
        Assert.Equal(0, Grade("msq/1", "E").Points);
    }

    [Theory]
    [InlineData("mcq/1", new[] { "E" }, "`E` is not an option here; choose from A, B, C, D.")]
    [InlineData("mcq/1", new[] { "A", "B" }, "Pick exactly one option (A, B, C, D), not A, B.")]
    [InlineData("mcq/1", new string[0], "Pick one option: A, B, C, D.")]
    [InlineData("mcq/1", new[] { " " }, "Pick one option: A, B, C, D.")]
    [InlineData("msq/2", new[] { "A", "F", "Z" }, "`F`, `Z` are not options here; choose from A, B, C, D, E.")]
    [InlineData("msq/2", new string[0], "Pick at least one option: A, B, C, D, E.")]
    public void Grade_UnknownOrMissingKeys_AreInvalidNotGraded(string id, string[] values, string message)
    {
        var r = Grade(id, values);
        Assert.False(r.IsValid);
        Assert.Equal(message, r.Error);
        Assert.Equal(message, Grader.ValidateInput(Q(id), values));
        Assert.Equal(0, r.Points);
    }

    [Theory]
    [InlineData("numerical/1", "110592", true, "110592 weight parameters")]
    [InlineData("numerical/1", "110,592", true, "110592 weight parameters")]
    [InlineData("numerical/1", "110,592 weight parameters", true, "110592 weight parameters")]
    [InlineData("numerical/1", "110593", false, "110593 weight parameters")]
    [InlineData("numerical/1", "100,352", false, "100352 weight parameters")]
    [InlineData("numerical/2", "3", true, "3 pods")]
    [InlineData("numerical/2", "3 pods", true, "3 pods")]
    [InlineData("numerical/2", "3.0", true, "3 pods")]
    [InlineData("numerical/2", "2", false, "2 pods")]
    [InlineData("numerical/3", "5", true, "5 server instances")]
    [InlineData("numerical/3", "5 (4 minimum)", true, "5 server instances")]
    [InlineData("numerical/3", "4", false, "4 server instances")]
    [InlineData("numerical/4", "30, 90", true, "Parallel = 30 seconds, Sequential = 90 seconds")]
    [InlineData("numerical/4", "parallel 30 sequential 90", true, "Parallel = 30 seconds, Sequential = 90 seconds")]
    [InlineData("numerical/4", "sequential 90 parallel 30", true, "Parallel = 30 seconds, Sequential = 90 seconds")]
    [InlineData("numerical/4", "Parallel = 30 seconds, Sequential = 90 seconds", true, "Parallel = 30 seconds, Sequential = 90 seconds")]
    [InlineData("numerical/4", "parallel: 0.5 min, sequential: 1.5 min", true, "Parallel = 30 seconds, Sequential = 90 seconds")]
    [InlineData("numerical/4", "30s 90s", true, "Parallel = 30 seconds, Sequential = 90 seconds")]
    [InlineData("numerical/4", "90, 30", false, "Parallel = 90 seconds, Sequential = 30 seconds")]
    [InlineData("numerical/4", "sequential 30, parallel 90", false, "Parallel = 90 seconds, Sequential = 30 seconds")]
    [InlineData("numerical/5", "745", true, "745 MB")]
    [InlineData("numerical/5", "745 MB", true, "745 MB")]
    [InlineData("numerical/5", "745mb", true, "745 MB")]
    [InlineData("numerical/5", "0.745 GB", true, "745 MB")]
    [InlineData("numerical/5", "745000 KB", true, "745 MB")]
    [InlineData("numerical/5", "700 MB", false, "700 MB")]
    [InlineData("numerical/5", "0.7 GB", false, "700 MB")]
    public void Grade_Numerical_ReadsNumbersSeparatorsAndUnits(string id, string typed, bool correct, string recorded)
    {
        var r = Grade(id, typed);
        Assert.True(r.IsValid, r.Error);
        Assert.Equal(correct, r.IsCorrect);
        Assert.Equal(correct ? 10 : 0, r.Points);
        Assert.Equal(recorded, r.Recorded);
    }

    [Theory]
    [InlineData("numerical/5", "", "Type a number, like `42 MB`.")]
    [InlineData("numerical/5", "lots", "`lots` has no number in it; type something like `42 MB`.")]
    [InlineData("numerical/5", "745 seconds", "`seconds` can't be converted to MB; for example `42 MB`.")]
    [InlineData("numerical/3", "4 or 5", "Give one number, not 2 (`4 or 5`); for example `42 server instances`.")]
    [InlineData("numerical/4", "30", "Give 2 numbers, one each for Parallel and Sequential, like `Parallel = 10 seconds, Sequential = 20 seconds`.")]
    [InlineData("numerical/4", "1e999, 2", "Give 2 numbers, one each for Parallel and Sequential, like `Parallel = 10 seconds, Sequential = 20 seconds`.")]
    public void Grade_NumericalJunk_GetsAClearMessage(string id, string typed, string message)
    {
        var r = Grade(id, typed);
        Assert.Equal(message, r.Error);
    }

    [Theory]
    [InlineData("99.8%", "99.8", true)]
    [InlineData("99.8%", "99.75%", true)]
    [InlineData("99.8%", "99.85", true)]
    [InlineData("99.8%", "99.84", true)]
    [InlineData("99.8%", "99", false)]
    [InlineData("99.8%", "99.7", false)]
    [InlineData("99.8%", "99.9", false)]
    [InlineData("0.5 seconds", "0.45", true)]
    [InlineData("0.5 seconds", "0.55", true)]
    [InlineData("0.5 seconds", "500 ms", true)]
    [InlineData("0.5 seconds", "0.56", false)]
    [InlineData("0.5 seconds", "0.44", false)]
    [InlineData("110,592 weight parameters", "110592", true)]
    [InlineData("110,592 weight parameters", "110,591", false)]
    [InlineData("110,592 weight parameters", "110600", false)]
    [InlineData("99.8% ± 0.5", "99.4", true)]
    [InlineData("99.8% ± 0.5", "99.2", false)]
    [InlineData("1.5 GB", "1515 MB", true)]
    [InlineData("1.5 GB", "1.56", false)]
    public void Grade_Numerical_AsPreciseAsTheKey(string key, string typed, bool correct)
    {
        var q = Q("numerical/5") with { AnswerText = key, NumericParts = NumericText.ParseExpected(key) };
        var r = Grader.Grade(q, [typed]);
        Assert.True(r.IsValid, r.Error);
        Assert.Equal(correct, r.IsCorrect);
    }

    [Theory]
    [InlineData("PromQL")]
    [InlineData("Prometheus Query Language")]
    [InlineData("promql (prometheus query language)")]
    [InlineData("PromQL (Prometheus Query Language)")]
    public void Grade_FillInWithExpansion_AcceptsEachForm(string typed)
    {
        const string key = "PromQL (Prometheus Query Language)";
        var q = Q("fill/8") with { AnswerText = key, AcceptedAnswers = DeckParser.AcceptedAnswersOf(key) };
        var r = Grader.Grade(q, [typed]);
        Assert.True(r.IsCorrect, $"{typed}: {r.Recorded}");
    }

    [Theory]
    [InlineData("Prometheus")]
    [InlineData("Query Language")]
    [InlineData("PromQL Prometheus")]
    public void Grade_FillInWithExpansion_RefusesPartialForms(string typed)
    {
        const string key = "PromQL (Prometheus Query Language)";
        var q = Q("fill/8") with { AnswerText = key, AcceptedAnswers = DeckParser.AcceptedAnswersOf(key) };
        Assert.False(Grader.Grade(q, [typed]).IsCorrect);
    }

    [Fact]
    public void AcceptedAnswersOf_Expansion_KeepsTheWholeTextAndBothForms() =>
        Assert.Equal(["PromQL (Prometheus Query Language)", "PromQL", "Prometheus Query Language"], DeckParser.AcceptedAnswersOf("PromQL (Prometheus Query Language)"));

    [Fact]
    public void AcceptedAnswersOf_OrAlternative_BothFormsAndTheWholeText() =>
        Assert.Equal(["Vertical", "Scale Up", "Vertical (Scale Up)"], DeckParser.AcceptedAnswersOf("Vertical (or Scale Up)"));

    [Theory]
    [InlineData("promql (prometheus query language)")]
    [InlineData("PromQL (or Prometheus Query Language)")]
    [InlineData("prometheus query language")]
    [InlineData("promql")]
    public void Grade_FillInWithOrAlternative_AcceptsTheWholeText(string typed)
    {
        const string key = "PromQL (or Prometheus Query Language)";
        var q = Q("fill/8") with { AnswerText = key, AcceptedAnswers = DeckParser.AcceptedAnswersOf(key) };
        Assert.True(Grader.Grade(q, [typed]).IsCorrect, typed);
    }

    [Theory]
    [InlineData("fill/1", "Serialization", true)]
    [InlineData("fill/1", "  serialization. ", true)]
    [InlineData("fill/1", "SERIALIZATION!", true)]
    [InlineData("fill/1", "Serialisation", false)]
    [InlineData("fill/2", "neural", true)]
    [InlineData("fill/3", "pod", true)]
    [InlineData("fill/3", "a Pod", true)]
    [InlineData("fill/3", "Pods", false)]
    [InlineData("fill/4", "Vertical", true)]
    [InlineData("fill/4", "scale up", true)]
    [InlineData("fill/4", "Scale-Up", true)]
    [InlineData("fill/4", "vertical scaling", true)]
    [InlineData("fill/4", "Horizontal", false)]
    [InlineData("fill/5", "cold start", true)]
    [InlineData("fill/5", "coldstart", true)]
    [InlineData("fill/5", "Cold Start problem", true)]
    [InlineData("fill/6", "@app.route()", true)]
    [InlineData("fill/6", "app.route", true)]
    [InlineData("fill/6", "`@app.route`", true)]
    [InlineData("fill/6", "app.get", false)]
    [InlineData("fill/7", "post", true)]
    [InlineData("fill/7", "GET", false)]
    [InlineData("fill/8", "Grafana.", true)]
    [InlineData("fill/8", "Kibana", false)]
    public void Grade_FillIn_IgnoresCaseSpacingAndPunctuation(string id, string typed, bool correct)
    {
        var r = Grade(id, typed);
        Assert.True(r.IsValid, r.Error);
        Assert.Equal(correct, r.IsCorrect);
        Assert.Equal(typed.Trim(), r.Recorded);
    }

    [Theory]
    [InlineData("", "Type your answer for the blank.")]
    [InlineData("...", "`...` has no letters or digits in it; type the word for the blank.")]
    public void Grade_FillInEmpty_GetsAClearMessage(string typed, string message) =>
        Assert.Equal(message, Grade("fill/1", typed).Error);

    [Fact]
    public void Grade_TooLongInput_IsInvalid()
    {
        var r = Grade("fill/1", new string('x', 500));
        Assert.Equal("That answer is too long (500 characters; at most 200).", r.Error);
    }

    [Fact]
    public void Grade_AnyInput_NeverThrows()
    {
        var random = new Random(37);
        const string alphabet = "0123456789,.;:= -+eE()ABCDEFZabcxyzMBGBsµ💥\u0000\t\n";
        foreach (var q in Course.Questions)
        {
            for (var i = 0; i < 300; i++)
            {
                var chars = new char[random.Next(0, 30)];
                for (var c = 0; c < chars.Length; c++)
                    chars[c] = alphabet[random.Next(alphabet.Length)];
                var r = Grader.Grade(q, [new string(chars)]);
                Assert.InRange(r.Points, 0, 10);
                Assert.True(r.IsValid || r.Error!.Length > 0);
            }
        }
    }
}
