using Cl37.Bot.Posts;
using Cl37.Bot.Quiz;
using Cl37.Bot.Tests.Fakes;
using Cl37.Bot.Tests.Platforms.Discord;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cl37.Bot.Tests.Scheduling;

public sealed class DailyClaimTests
{
    [Fact]
    public async Task PostNextAsync_SameDayClaimedTwice_SecondIsAlreadyPostedWithoutAnErrorLog()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = new QuizApp();
        await using var host = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs).AddFilter("Cl37.Bot.Posts.QuestionPoster", LogLevel.Debug)));
        var channel = await host.Services.GetRequiredService<ChannelDirectory>().EnsureAsync(QuizApp.Channel(), CancellationToken.None);
        var poster = host.Services.GetRequiredService<QuestionPoster>();
        var day = new DateOnly(2026, 11, 23);

        var first = await poster.PostNextAsync(channel, day, 0, null, null, false, CancellationToken.None);
        var second = await poster.PostNextAsync(channel, day, 0, null, null, false, CancellationToken.None);

        Assert.Equal(PostOutcome.Posted, first.Outcome);
        Assert.Equal(PostOutcome.AlreadyPosted, second.Outcome);
        Assert.Single(app.Platform.Cards<Cl37.Bot.Chat.QuestionCard>());
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Warning", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("already claimed", StringComparison.Ordinal));
    }
}
