using Cl37.Bot.Chat;
using Cl37.Bot.Commands;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Chat;

public sealed class DispatcherTests : IAsyncLifetime
{
    private readonly QuizApp _app = new(settings: new Dictionary<string, string?> { ["Quiz:Admins:0"] = "test:tutor" });

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/quiz reveal")]
    [InlineData("/quiz schedule set 09:00")]
    [InlineData("/quiz schedule off")]
    [InlineData("/quiz settings streak_bonus:true")]
    [InlineData("/competition start Sprint 2026-12-20")]
    [InlineData("/competition end")]
    [InlineData("/quiz now")]
    public async Task Dispatch_AdminCommandByStudent_IsRefusedClearly(string text)
    {
        var reply = await _app.RunAsync(text, QuizApp.User("student"));

        Assert.True(reply.Private);
        Assert.Contains("Only admins", reply.Text);
        Assert.Empty(_app.Platform.Posts);
    }

    [Fact]
    public async Task Dispatch_QuizNowByStudent_NamesTheSettingThatOpensIt()
    {
        var reply = await _app.RunAsync("/quiz now", QuizApp.User("student"));

        Assert.StartsWith("Only admins can use `/quiz now` in this group (an admin can allow everyone with `/quiz settings everyone_can_post:true`).", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_QuizNowByStudentWhenEveryoneCanPost_Posts()
    {
        await _app.RunAsync("/quiz settings everyone_can_post:true", QuizApp.User("tutor"));

        var reply = await _app.RunAsync("/quiz now", QuizApp.User("student"));

        Assert.Matches(@"Posted (MCQ|MSQ|Numerical|Fill) \d+ \(", reply.Text);
        Assert.Single(_app.Platform.Posts);
    }

    [Fact]
    public async Task Dispatch_AdminOnlyValueByStudent_IsRefusedNamingTheValue()
    {
        var csv = await _app.RunAsync("/leaderboard format:csv", QuizApp.User("student"));
        var table = await _app.RunAsync("/leaderboard format:table", QuizApp.User("student"));

        Assert.StartsWith("Only admins can use `/leaderboard format:csv`.", csv.Text, StringComparison.Ordinal);
        Assert.Empty(csv.Files);
        Assert.DoesNotContain("Only admins", table.Text ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_ConfiguredAdmin_IsAllowed()
    {
        var reply = await _app.RunAsync("/quiz now", QuizApp.User("tutor"));

        Assert.Matches(@"Posted (MCQ|MSQ|Numerical|Fill) \d+ \(", reply.Text);
        Assert.Single(_app.Platform.Posts);
    }

    [Theory]
    [InlineData("/calc servers abc 50", "`peak` must be a number")]
    [InlineData("/leaderboard period:decade", "`period` must be one of week, month, all, competition")]
    [InlineData("/leaderboard week 0", "`page` must be at least 1")]
    [InlineData("/calc hpa 0 90 60", "`current_pods` must be at least 1")]
    [InlineData("/calc servers", "`peak` is missing")]
    public async Task Dispatch_BadArgument_NamesItAndShowsUsage(string text, string expected)
    {
        var reply = await _app.RunAsync(text, QuizApp.User("student"));

        Assert.True(reply.Private);
        Assert.Contains(expected, reply.Text);
        Assert.Contains("Usage: /", reply.Text);
        Assert.Contains("Example: `/", reply.Text);
    }

    [Theory]
    [InlineData("/quiz schedule set 25:00", "`time` must be a 24-hour time")]
    [InlineData("/quiz schedule set 09:00 Mars/Olympus", "not a time zone I know")]
    [InlineData("/quiz schedule set 09:00 UTC funday", "`days` must be like mon-fri")]
    [InlineData("/quiz schedule set 09:00 UTC daily 30", "`window` must be more than 0 and at most 24 hours")]
    [InlineData("/competition start Sprint 20-12-2026", "`end` must be a date like")]
    [InlineData("/competition start Sprint 2020-01-01", "already past")]
    public async Task Dispatch_BadAdminInput_GetsOneClearSentence(string text, string expected)
    {
        var reply = await _app.RunAsync(text, QuizApp.User("admin", admin: true));

        Assert.Contains(expected, reply.Text);
    }

    [Fact]
    public async Task Dispatch_ScheduleSetShowOff_RoundTrips()
    {
        var admin = QuizApp.User("admin", admin: true);
        var set = await _app.RunAsync("/quiz schedule set 09:00 Europe/Berlin mon-fri results:reveal", admin);
        Assert.Contains("09:00 (Europe/Berlin), Monday to Friday", set.Text);
        Assert.Contains("shown at the reveal", set.Text);

        var show = await _app.RunAsync("/quiz schedule show", QuizApp.User("student"));
        Assert.Contains("09:00 (Europe/Berlin)", show.Text);

        var off = await _app.RunAsync("/quiz schedule off", admin);
        Assert.Contains("switched off", off.Text);
        Assert.Contains("no daily question", (await _app.RunAsync("/quiz schedule show", admin)).Text);
    }

    [Fact]
    public async Task Dispatch_Help_ListsEveryCommand()
    {
        var reply = await _app.RunAsync("/help", QuizApp.User("student"));

        foreach (var c in CommandRegistrations.Catalog().All)
            Assert.Contains("/" + c.Name, reply.Text);
    }

    [Fact]
    public void Catalog_IsTheRegisteredHandlersDefinitions_InHelpOrder()
    {
        var handlers = _app.Get<IEnumerable<CommandUnit>>().Select(u => u.Definition).ToList();
        var catalog = _app.Get<CommandCatalog>().All;

        Assert.Equal(handlers, catalog);
        Assert.Equal(["quiz", "leaderboard", "stats", "competition", "calc", "formulas", "revise", "help"], catalog.Select(c => c.Name));
    }
}
