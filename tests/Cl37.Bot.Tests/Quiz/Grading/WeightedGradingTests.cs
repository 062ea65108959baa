using Cl37.Bot.Content;
using Cl37.Bot.Quiz.Grading;
using Cl37.Bot.Tests.Decks;

namespace Cl37.Bot.Tests.Quiz.Grading;

/// <summary>Weighted credit as Moodle grades it: the sum of the chosen fractions, clamped to 0 … full
/// marks (10 points here). Every expected figure below was worked out by hand from the fractions in
/// the sample files, not computed by the code under test.</summary>
public sealed class WeightedGradingTests
{
    private static readonly Lazy<Deck> Gift = new(() => DeckLoader.ParseFile("mappings.gift", File.ReadAllBytes(ImportFiles.Sample("mappings.gift"))).Deck!);
    private static readonly Lazy<Deck> Xml = new(() => DeckLoader.ParseFile("mappings.xml", File.ReadAllBytes(ImportFiles.Sample("mappings.xml"))).Deck!);

    private static Question Q(Deck deck, string title) => deck.Questions.Single(q => q.Title == title);

    // Ports: 80 = +50%, 443 = +50%, 22 = −100%, 25 = −100%.
    [Theory]
    [InlineData("A", 5, false)]          // 0.5
    [InlineData("A,B", 10, true)]        // 0.5 + 0.5 = 1
    [InlineData("A,B,C", 0, false)]      // 0.5 + 0.5 − 1 = 0
    [InlineData("A,C", 0, false)]        // 0.5 − 1 = −0.5 → clamped to 0
    [InlineData("C,D", 0, false)]        // −2 → 0
    [InlineData("A,B,C,D", 0, false)]    // −1 → 0
    public void Grade_GiftMultipleSelectWeights_SumOfChosenFractionsClamped(string picks, double points, bool correct)
    {
        var grade = Grader.Grade(Q(Gift.Value, "Ports"), picks.Split(','));
        Assert.Equal((points, correct), (grade.Points, grade.IsCorrect));
    }

    // Controllers: Deployment +50%, StatefulSet +50%, ConfigMap −50%, Secret 0%.
    [Theory]
    [InlineData("A", 5, false)]          // 0.5
    [InlineData("A,B", 10, true)]        // 1
    [InlineData("A,B,C", 5, false)]      // 1 − 0.5 = 0.5
    [InlineData("A,C", 0, false)]        // 0.5 − 0.5 = 0
    [InlineData("A,D", 5, false)]        // 0.5 + 0 = 0.5
    [InlineData("B,C,D", 0, false)]      // 0.5 − 0.5 + 0 = 0
    [InlineData("C", 0, false)]          // −0.5 → 0
    public void Grade_XmlMultipleSelectFractions_SumOfChosenFractionsClamped(string picks, double points, bool correct)
    {
        var grade = Grader.Grade(Q(Xml.Value, "Controllers"), picks.Split(','));
        Assert.Equal((points, correct), (grade.Points, grade.IsCorrect));
    }

    // Born: =1822 exactly 100%, =%50% 1822 ± 2.
    [Theory]
    [InlineData("1822", 10, true)]
    [InlineData("1823", 5, false)]
    [InlineData("1820", 5, false)]
    [InlineData("1819", 0, false)]
    public void Grade_GiftWeightedNumerical_FirstMatchingAnswerInFileOrder(string typed, double points, bool correct)
    {
        var grade = Grader.Grade(Q(Gift.Value, "Born"), [typed]);
        Assert.Equal((points, correct), (grade.Points, grade.IsCorrect));
    }

    // Replicas: 12 ± 0 → 100%, 12 ± 1 → 50%. Image size: 745 MB ± 0.5, also typed in GB (multiplier 0.001).
    [Theory]
    [InlineData("Replicas", "12", 10, true)]
    [InlineData("Replicas", "13", 5, false)]
    [InlineData("Replicas", "11.5", 5, false)]
    [InlineData("Replicas", "14", 0, false)]
    [InlineData("Image size", "745 MB", 10, true)]
    [InlineData("Image size", "745.4", 10, true)]
    [InlineData("Image size", "0.745 GB", 10, true)]
    [InlineData("Image size", "0.746 GB", 0, false)]
    public void Grade_XmlNumerical_ToleranceAndUnitsAsMoodleReadsThem(string title, string typed, double points, bool correct)
    {
        var grade = Grader.Grade(Q(Xml.Value, title), [typed]);
        Assert.Equal((points, correct), (grade.Points, grade.IsCorrect));
    }

    [Fact]
    public void Grade_XmlNumericalUnknownUnit_SaysWhichUnitsItTakes()
    {
        var grade = Grader.Grade(Q(Xml.Value, "Image size"), ["745 KB"]);
        Assert.Equal("`KB` is not a unit this answer takes; use MB or GB.", grade.Error);
    }

    // Scraper: =Prometheus 100%, =%50%prom* (case ignored). Command line: kubectl 100%, kube* 50%, case counts.
    [Theory]
    [InlineData("Scraper", "Prometheus", 10, true)]
    [InlineData("Scraper", " prometheus ", 10, true)]
    [InlineData("Scraper", "promtail", 5, false)]
    [InlineData("Scraper", "Grafana", 0, false)]
    [InlineData("Command line", "kubectl", 10, true)]
    [InlineData("Command line", "Kubectl", 0, false)]
    [InlineData("Command line", "kubeadm", 5, false)]
    public void Grade_WeightedShortAnswer_WildcardAndCaseAsTheFileSays(string title, string typed, double points, bool correct)
    {
        var deck = title == "Scraper" ? Gift.Value : Xml.Value;
        var grade = Grader.Grade(Q(deck, title), [typed]);
        Assert.Equal((points, correct), (grade.Points, grade.IsCorrect));
    }

    [Fact]
    public void Grade_GiftWithoutWeights_KeepsTheDeckRules()
    {
        var tomb = Q(Gift.Value, "Tomb");
        Assert.Null(tomb.Weights);
        // The deck's own fill-in rule: case, spacing and a leading article do not matter.
        Assert.Equal(10, Grader.Grade(tomb, ["the ulysses s. grant"]).Points);
        var ports = Q(Gift.Value, "Base image");
        Assert.Equal(10, Grader.Grade(ports, ["A"]).Points);
        Assert.Equal(0, Grader.Grade(ports, ["B"]).Points);
    }
}
