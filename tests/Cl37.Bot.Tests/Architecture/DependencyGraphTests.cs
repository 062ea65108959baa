namespace Cl37.Bot.Tests.Architecture;

/// <summary>The reader and the rules behind <see cref="FeatureDependencyTests"/>, run on violations
/// planted in this test assembly (Architecture/Planted), so each rule is shown to fail when broken.</summary>
public sealed class DependencyGraphTests
{
    private const string Root = "Cl37.Bot.Tests.Architecture.Planted";

    private static readonly Lazy<DependencyGraph> Planted = new(() => DependencyGraph.Read(typeof(DependencyGraphTests).Assembly.Location, Root, PlantedSources()));

    private static readonly Lazy<DependencyGraph> PlantedIlOnly = new(() => DependencyGraph.Read(typeof(DependencyGraphTests).Assembly.Location, Root, sourceDirectory: null));

    [Fact]
    public void Cycles_LoopBetweenNamespaceAndChild_IsFoundOnlyByNamespace()
    {
        var byNamespace = FeatureDependencyTests.Cycles(Planted.Value.Collapse(ns => ns));
        var byFolder = FeatureDependencyTests.Cycles(Planted.Value.Collapse(ns => ns.Split('.')[0]));

        Assert.Contains(byNamespace, c => c.StartsWith("{Loop, Loop.Child}", StringComparison.Ordinal));
        Assert.Empty(byFolder);
    }

    [Fact]
    public void Read_ConstantAndNameof_AreSeenInTheSourceNotTheIl()
    {
        Assert.False(PlantedIlOnly.Value.Edges.TryGetValue("Constants.Reader", out var il) && il.ContainsKey("Constants.Source"));
        Assert.Contains("Constants.Source", Planted.Value.Edges["Constants.Reader"].Keys);
    }

    [Fact]
    public void Read_MethodCallIntoParent_IsSeenInTheIl()
    {
        Assert.Contains("Loop", PlantedIlOnly.Value.Edges["Loop.Child"].Keys);
        Assert.Contains("Loop.Child", PlantedIlOnly.Value.Edges["Loop"].Keys);
    }

    [Fact]
    public void LayerViolations_ImportOfAHigherRow_IsReported()
    {
        var rows = new Dictionary<string, int> { ["Low"] = 0, ["High"] = 1 };

        var violations = FeatureDependencyTests.LayerViolations(Planted.Value.Collapse(ns => ns), rows);

        Assert.Equal(["Low → High (Cl37.Bot.Tests.Architecture.Planted.Low.Base uses Cl37.Bot.Tests.Architecture.Planted.High.Roof)"], violations);
    }

    [Fact]
    public void CodeOnly_CommentsAndLiterals_AreBlankedButInterpolationHolesKept()
    {
        var code = DependencyGraph.CodeOnly(""""
            // Grader in a comment
            var a = "Grader in a string"; /* Grader */ var b = $"{Limits.Max} Grader {{Grader}}";
            var c = @"Grader ""quoted"""; var d = 'G'; var e = """Grader""";
            """");

        Assert.DoesNotContain("Grader", code, StringComparison.Ordinal);
        Assert.Contains("Limits.Max", code, StringComparison.Ordinal);
    }

    private static string PlantedSources() => Path.Combine(RepoFiles.Root(), "tests", "Cl37.Bot.Tests", "Architecture", "Planted");
}
