using System.Text;
using Cl37.Bot.Content;

namespace Cl37.Bot.Tests.Decks;

public sealed class CourseDeckTests
{
    private static readonly Deck Course = DeckFiles.ParseFile(DeckFiles.ContentDeck);

    // Read off the course file by hand: id, kind, answer key, option count.
    public static TheoryData<string, QuestionKind, string, int> Expected { get; } = Build();

    private static TheoryData<string, QuestionKind, string, int> Build()
    {
        var data = new TheoryData<string, QuestionKind, string, int>();
        string[] mcq = ["B", "B", "B", "C", "C", "B", "B", "B", "C", "B", "C", "C", "B", "B", "B"];
        for (var i = 0; i < mcq.Length; i++)
            data.Add($"mcq/{i + 1}", QuestionKind.SingleChoice, mcq[i], 4);
        string[] msq = ["A,B,C,D", "A,B,E", "A,B,D,E", "A,C,D", "A,B,D,E", "A,B,C,D", "A,B,C,E", "A,B,D,E", "A,B,C,E", "A,B,D,E"];
        for (var i = 0; i < msq.Length; i++)
            data.Add($"msq/{i + 1}", QuestionKind.MultipleSelect, msq[i], 5);
        string[] numerical = ["110,592 weight parameters", "3 pods", "5 server instances (4 minimum, 5 with buffer)", "Parallel = 30 seconds, Sequential = 90 seconds", "745 MB"];
        for (var i = 0; i < numerical.Length; i++)
            data.Add($"numerical/{i + 1}", QuestionKind.Numerical, numerical[i], 0);
        string[] fill = ["Serialization", "Neural", "Pod", "Vertical (or Scale Up)", "Cold Start", "@app.route()", "POST", "Grafana"];
        for (var i = 0; i < fill.Length; i++)
            data.Add($"fill/{i + 1}", QuestionKind.FillIn, fill[i], 0);
        return data;
    }

    [Fact]
    public void Parse_CourseDeck_Has38QuestionsByType()
    {
        Assert.Equal(38, Course.Questions.Count);
        Assert.Equal(15, Course.Questions.Count(q => q.Kind == QuestionKind.SingleChoice));
        Assert.Equal(10, Course.Questions.Count(q => q.Kind == QuestionKind.MultipleSelect));
        Assert.Equal(5, Course.Questions.Count(q => q.Kind == QuestionKind.Numerical));
        Assert.Equal(8, Course.Questions.Count(q => q.Kind == QuestionKind.FillIn));
        Assert.Equal("CL37: Model Deployment Basics - Exam Preparation", Course.Title);
        Assert.Equal("cl37-model-deployment", Course.Id);
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void Parse_CourseQuestion_MatchesCourseFile(string id, QuestionKind kind, string key, int optionCount)
    {
        var q = Assert.Single(Course.Questions, q => QuestionIds.Positional(q) == "cl37-model-deployment/" + id);
        Assert.Equal(kind, q.Kind);
        Assert.Equal(optionCount, q.Options.Count);
        Assert.NotEmpty(q.Prompt);
        Assert.Equal("cl37-model-deployment.md", q.SourceFile);
        Assert.True(q.Line > 0);
        switch (kind)
        {
            case QuestionKind.SingleChoice or QuestionKind.MultipleSelect:
                Assert.Equal(key, string.Join(",", q.CorrectKeys));
                Assert.Equal(key.Replace(",", ", ", StringComparison.Ordinal), q.AnswerText);
                Assert.NotEmpty(q.Explanation);
                // Every option that is not right has its own "why wrong" line in the course file.
                Assert.Equal(q.Options.Select(o => o.Key).Except(q.CorrectKeys), q.WhyWrong.Keys.Order(StringComparer.Ordinal));
                Assert.All(q.WhyWrong.Values, Assert.NotEmpty);
                break;
            case QuestionKind.Numerical:
                Assert.Equal(key, q.AnswerText);
                Assert.NotNull(q.Given);
                Assert.True(q.SolutionSteps.Count >= 2);
                Assert.NotEmpty(q.NumericParts);
                break;
            default:
                Assert.Equal(key, q.AnswerText);
                Assert.NotEmpty(q.Explanation);
                Assert.Contains(q.AcceptedAnswers, a => a == key.Split(" (")[0]);
                break;
        }
    }

    [Fact]
    public void Parse_CourseNumericalAnswers_BecomeStructuredParts()
    {
        NumericPart Only(int n) => Assert.Single(Question($"numerical/{n}").NumericParts);
        Assert.Equal(new NumericPart(null, 110592, "weight parameters", 0, 0), Only(1));
        Assert.Equal(new NumericPart(null, 3, "pods", 0, 0), Only(2));
        Assert.Equal(new NumericPart(null, 5, "server instances", 0, 0), Only(3));
        Assert.Equal(new NumericPart(null, 745, "MB", 0, 0), Only(5));
        Assert.Equal(
            [new NumericPart("Parallel", 30, "seconds", 0, 0), new NumericPart("Sequential", 90, "seconds", 0, 0)],
            Question("numerical/4").NumericParts);
    }

    [Fact]
    public void Parse_CourseNumerical_KeepsGivenAndSteps()
    {
        var q = Question("numerical/1");
        Assert.StartsWith("- Input layer: 784 neurons", q.Given, StringComparison.Ordinal);
        Assert.Equal(4, q.SolutionSteps.Count);
        Assert.Equal("Weights from Input to Hidden 1: 784 × 128 = 100,352", q.SolutionSteps[0]);
        Assert.Equal("Check limits: 3 is between min(2) and max(10) ✓", Question("numerical/2").SolutionSteps[3]);
        var cold = Question("numerical/4").SolutionSteps;
        Assert.Equal(2, cold.Count);
        Assert.Equal("**Sequentially** (one after another): Total time = 30 × 3 = 90 seconds", cold[1]);
    }

    [Fact]
    public void Parse_CourseFillIn_AcceptsAlternatives()
    {
        Assert.Equal(["Vertical", "Scale Up", "Vertical (Scale Up)"], Question("fill/4").AcceptedAnswers);
        var route = Question("fill/6").AcceptedAnswers;
        Assert.Contains("@app.route()", route);
        Assert.Contains("app.route", route);
    }

    [Theory]
    [InlineData("mcq/1", "serialization")]
    [InlineData("mcq/3", "onnx")]
    [InlineData("mcq/4", "flask")]
    [InlineData("mcq/6", "scaling")]
    [InlineData("mcq/7", "kubernetes")]
    [InlineData("mcq/9", "load balancing")]
    [InlineData("mcq/10", "cold start")]
    [InlineData("mcq/14", "docker")]
    [InlineData("msq/6", "monitoring")]
    [InlineData("msq/10", "versioning")]
    [InlineData("numerical/2", "kubernetes")]
    [InlineData("numerical/3", "scaling")]
    [InlineData("numerical/5", "docker")]
    [InlineData("fill/8", "monitoring")]
    public void Parse_CourseQuestion_GetsTopicFromKeywords(string id, string topic) =>
        Assert.Equal(topic, Question(id).Topic);

    [Fact]
    public void Parse_CourseDeck_KeepsRevisionSections()
    {
        var kinds = Course.Revision.Select(r => r.Kind).ToHashSet();
        Assert.Superset(new HashSet<string> { "formulas", "concepts", "traps", "oneliners", "rules", "mnemonics" }, kinds);
        var sheet = Assert.Single(Course.Revision, r => r.Title == "Last-Minute Formula Sheet");
        Assert.Equal("formulas", sheet.Kind);
        Assert.Contains("Weight Parameters = Σ (neurons_prev_layer × neurons_current_layer)", sheet.Markdown, StringComparison.Ordinal);
        Assert.Equal("rules", Assert.Single(Course.Revision, r => r.Title.Contains("Remember This", StringComparison.Ordinal)).Kind);
        Assert.Contains(Course.Revision, r => r.Kind == "traps" && r.Markdown.Contains("pickle is secure", StringComparison.Ordinal));
    }

    [Fact]
    public void ContentDeck_IsCleanUtf8WithoutMojibake()
    {
        var text = File.ReadAllText(DeckFiles.ContentDeck, new UTF8Encoding(false, true));
        foreach (var bad in new[] { "Ã", "â", "ð", "Â", "Î", "ï¸", "\uFFFD" })
            Assert.DoesNotContain(bad, text, StringComparison.Ordinal);
        foreach (var good in new[] { "✅", "📖", "❌", "×", "Σ", "→", "✓", "⚠️", "📝", "📌" })
            Assert.Contains(good, text, StringComparison.Ordinal);
    }

    private static Question Question(string id) => Course.Questions.Single(q => QuestionIds.Positional(q) == "cl37-model-deployment/" + id);
}
