using Cl37.Bot.Commands;
using Cl37.Bot.Quiz.Analysis;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Quiz;

public sealed class ItemAnalysisTests
{
    private const int A = 1, B = 2, C = 4, D = 8;

    /// <summary>12 people, five items, computed by hand (item score and the person's mean on the
    /// rest, Pearson's r over those pairs). People's means: 0.8 0.8 0.7 0.8 0.7 0.6 0.7 0.4 0.6 0.6
    /// 0.3 0.25; the strongest 27% (4 of 12) start at 0.7.
    /// Item 0 (key A): people 0–6 right, the others B or D. Facility 7/12 = 58.33; r = 0.402911.
    /// Item 1 (key A): everyone right: facility 100, no spread so no discrimination, B C D unused.
    /// Item 2 (key A): 0–5 pick C, 6–9 A, 10–11 B: strong scorers all chose C (6 of 6), none A —
    /// possible wrong key; r = −0.543139.
    /// Item 3 (typed): 0–5, 8, 9 right: facility 66.67, r = 0.308021.
    /// Item 4 (keys A, C, partial credit): person 11 did not answer; facility 5/11 = 45.45, r = 0.135302.</summary>
    private static (ItemDefinition[] Items, ItemResponse[] Responses) Dataset()
    {
        var items = new[] { new ItemDefinition(4, A, 2), new ItemDefinition(4, A, 1), new ItemDefinition(4, A, 1), new ItemDefinition(0, 0, 1), new ItemDefinition(4, A | C, 1) };
        var responses = new List<ItemResponse>();
        for (var p = 0; p < 12; p++)
        {
            responses.Add(new ItemResponse(p, 0, p < 7 ? 1 : 0, p < 7 ? A : p % 2 == 1 ? B : D));
            responses.Add(new ItemResponse(p, 1, 1, A));
            responses.Add(new ItemResponse(p, 2, p is >= 6 and < 10 ? 1 : 0, p < 6 ? C : p < 10 ? A : B));
            responses.Add(new ItemResponse(p, 3, p is < 6 or 8 or 9 ? 1 : 0, 0));
        }
        (float Score, int Choices)[] msq = [(1, A | C), (1, A | C), (0.5f, A), (1, A | C), (0.5f, C), (0, A | B), (0.5f, A), (0, B), (0, B | D), (0, B), (0.5f, C)];
        for (var p = 0; p < msq.Length; p++)
            responses.Add(new ItemResponse(p, 4, msq[p].Score, msq[p].Choices));
        return (items, [.. responses]);
    }

    [Fact]
    public void Compute_HandComputedDataset_FacilityDiscriminationAndOptionCounts()
    {
        var (items, responses) = Dataset();

        var stats = ItemAnalysis.Compute(items, responses, 12);

        Assert.Equal([12, 12, 12, 12, 11], stats.Select(s => s.Answers));
        Assert.Equal([2, 1, 1, 1, 1], stats.Select(s => s.TimesAsked));
        double[] facility = [58.333333, 100, 33.333333, 66.666667, 45.454545];
        double?[] discrimination = [40.291148, null, -54.313902, 30.802055, 13.530202];
        for (var i = 0; i < stats.Length; i++)
        {
            Assert.Equal(facility[i], stats[i].Facility!.Value, 4);
            if (discrimination[i] is { } d)
                Assert.Equal(d, stats[i].Discrimination!.Value, 4);
            else
                Assert.Null(stats[i].Discrimination);
        }
        Assert.Equal([7, 3, 0, 2], stats[0].OptionCounts);
        Assert.Equal([4, 2, 6, 0], stats[2].OptionCounts);
        Assert.Empty(stats[3].OptionCounts);
        Assert.Equal([6, 4, 5, 1], stats[4].OptionCounts);
    }

    [Fact]
    public void Compute_HandComputedDataset_FlagsWhatTheAuthorShouldFix()
    {
        var (items, responses) = Dataset();

        var stats = ItemAnalysis.Compute(items, responses, 12);

        Assert.Equal(ItemFlags.UnusedDistractor, stats[0].Flags);
        Assert.Equal([2], stats[0].UnusedOptions);
        Assert.Equal(ItemFlags.UnusedDistractor | ItemFlags.NearlyAllRight, stats[1].Flags);
        Assert.Equal([1, 2, 3], stats[1].UnusedOptions);
        Assert.Equal(ItemFlags.PossibleWrongKey | ItemFlags.NegativeDiscrimination | ItemFlags.UnusedDistractor, stats[2].Flags);
        Assert.Equal([2], stats[2].SuspectOptions);
        Assert.Equal(ItemFlags.None, stats[3].Flags);
        Assert.Equal(ItemFlags.None, stats[4].Flags);
    }

    [Fact]
    public void Compute_FewAnswerers_NoDiscriminationNoFlags()
    {
        var items = new[] { new ItemDefinition(4, A, 1), new ItemDefinition(4, A, 1) };
        var responses = Enumerable.Range(0, 5).SelectMany(p => new[] { new ItemResponse(p, 0, p % 2, p % 2 == 1 ? A : B), new ItemResponse(p, 1, 1, A) }).ToArray();

        var stats = ItemAnalysis.Compute(items, responses, 5);

        Assert.All(stats, s => Assert.Null(s.Discrimination));
        Assert.All(stats, s => Assert.Equal(ItemFlags.None, s.Flags));
        Assert.Equal(40, stats[0].Facility!.Value, 9);
    }

    [Fact]
    public async Task AnalysisCommand_Admin_GetsATableNonAdminIsRefused()
    {
        await using var app = new QuizApp(TestDeck.OneQuestion());
        var postId = await app.PostQuestionAsync();
        await app.AnswerAsync(postId, "ann", "B");
        await app.AnswerAsync(postId, "bob", "A");

        var refused = await app.RunAsync("/quiz analysis", QuizApp.User("bob"));
        var reply = await app.RunAsync("/quiz analysis", QuizApp.User("admin", admin: true));
        var csv = await app.RunAsync("/quiz analysis format:csv", QuizApp.User("admin", admin: true));
        var unknown = await app.RunAsync("/quiz analysis deck:nope", QuizApp.User("admin", admin: true));

        Assert.StartsWith("Only admins", refused.Text, StringComparison.Ordinal);
        Assert.Equal("There is no deck `nope`. Decks: test.", unknown.Text);
        Assert.Null(reply.Card);
        Assert.StartsWith("**Item analysis · all decks**\n\n**MCQ 1** · test/mcq/1 — asked 1, 2 answers\n- facility 50%, discrimination —\n- A 1 · B 1 ✓ · C 0 · D 0\n\n2 people", reply.Text, StringComparison.Ordinal);
        Assert.Null(csv.Card);
        var file = Assert.Single(csv.Files);
        Assert.Equal(("item-analysis-all.csv", "text/csv"), (file.FileName, file.MediaType));
        Assert.Equal("question_id,kind,topic,key,times_asked,answers,facility_percent,discrimination_index,option_counts,common_wrong_answers,flags\ntest/mcq/1,SingleChoice,serialization,B,1,2,50,,A=1 B=1 C=0 D=0,,\n",
            System.Text.Encoding.UTF8.GetString(file.Content));
        Assert.Equal("**Item analysis · all decks** — CSV export: item-analysis-all.csv, 1 question (192 bytes).", csv.Text);
    }

    [Fact]
    public void Catalog_Analysis_IsAnAdminSubCommandOfQuiz()
    {
        var sub = CommandRegistrations.Catalog().Find("quiz")!.FindSubCommand("analysis");

        Assert.NotNull(sub);
        Assert.True(sub.AdminOnly);
        Assert.Contains(sub.Options, o => o.Name == "format" && o.Choices!.Contains("csv"));
    }
}
