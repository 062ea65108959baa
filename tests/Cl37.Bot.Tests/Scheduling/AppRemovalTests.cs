using Cl37.Bot.Quiz;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Scheduling;

/// <summary>Removing the app from a channel pauses its daily question; adding it back resumes it as
/// the group left it, unless an admin switched it off.</summary>
public sealed class AppRemovalTests : IAsyncLifetime
{
    private readonly QuizApp _app = new();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Register_AfterTheAppWasRemoved_ResumesTheSchedule()
    {
        var directory = _app.Get<ChannelDirectory>();
        var admin = QuizApp.User("admin", admin: true);
        await directory.RegisterAsync(QuizApp.Channel(), "reference-1", CancellationToken.None);
        await _app.RunAsync("/quiz schedule set 09:00 Europe/Berlin mon-fri", admin);

        await directory.UnregisterAsync(QuizApp.Channel(), CancellationToken.None);
        Assert.Contains("no daily question", (await _app.RunAsync("/quiz schedule show", admin)).Text);

        await directory.RegisterAsync(QuizApp.Channel(), "reference-2", CancellationToken.None);
        var shown = await _app.RunAsync("/quiz schedule show", admin);
        Assert.DoesNotContain("no daily question", shown.Text);
        Assert.StartsWith("📅", shown.Text);
        Assert.Contains("09:00", shown.Text);
    }

    [Fact]
    public async Task Register_AfterAnAdminSwitchedItOffAndTheAppWasRemoved_StaysOff()
    {
        var directory = _app.Get<ChannelDirectory>();
        var admin = QuizApp.User("admin", admin: true);
        await directory.RegisterAsync(QuizApp.Channel(), "reference-1", CancellationToken.None);
        await _app.RunAsync("/quiz schedule set 09:00 Europe/Berlin mon-fri", admin);
        await directory.UnregisterAsync(QuizApp.Channel(), CancellationToken.None);

        await _app.RunAsync("/quiz schedule off", admin);
        await directory.RegisterAsync(QuizApp.Channel(), "reference-2", CancellationToken.None);

        Assert.Contains("no daily question", (await _app.RunAsync("/quiz schedule show", admin)).Text);
    }
}
