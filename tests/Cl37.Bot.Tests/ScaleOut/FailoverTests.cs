using Cl37.Bot.Chat;
using Cl37.Bot.Data;
using Cl37.Bot.Scheduling;
using Cl37.Bot.Tests.Fakes;
using Cl37.Bot.Tests.Scheduling;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Cl37.Bot.Tests.ScaleOut;

/// <summary>Two clustered replicas on one PostgreSQL; the one that fires the daily question dies
/// while posting it (its platform call never returns, its scheduler stops, its clock stops). The
/// other replica must post the question.</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class FailoverTests : IAsyncLifetime
{
    // Monday 2026-11-23 08:00 in Berlin.
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    private readonly HangOnce _gate = new();
    private PostgresDatabase _db = null!;
    private readonly List<(QuizApp App, WebApplicationFactory<Program> Host)> _replicas = [];

    public async Task InitializeAsync()
    {
        _db = await PostgresServer.CreateDatabaseAsync();
        var settings = _db.Settings();
        settings["Scheduling:Enabled"] = "true";
        settings["Scheduling:Clustered"] = "true";
        // The dead replica's job never ends; do not wait the default 25 s for it when disposing.
        settings["Hosting:ShutdownTimeoutSeconds"] = "2";
        for (var i = 0; i < 2; i++)
        {
            var app = new QuizApp(TestDeck.OneQuestion(), settings, Start);
            var host = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            {
                s.RemoveAll<IChatPlatform>();
                s.AddSingleton(_gate.Wrap(app.Platform));
            }));
            _ = host.Server;
            _replicas.Add((app, host));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var (app, host) in _replicas)
        {
            await host.DisposeAsync();
            await app.DisposeAsync();
        }
        await _db.DisposeAsync();
    }

    [PostgresFact]
    public async Task DailyQuestion_ReplicaDiesWhilePostingIt_TheOtherReplicaPostsIt()
    {
        var first = _replicas[0].Host.Services;
        await first.Inbound().DispatchTextAsync("/quiz schedule set 09:00 Europe/Berlin daily",
            QuizApp.Channel(), QuizApp.User("admin", admin: true), CancellationToken.None);
        await first.GetRequiredService<ScheduleSync>().WhenIdleAsync();

        foreach (var (app, _) in _replicas)
            app.Clock.Advance(TimeSpan.FromHours(1));
        var hung = await _gate.Hung.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var dead = _replicas.Single(r => ReferenceEquals(r.Host.Services.GetRequiredService<IChatPlatform>(), hung));
        var survivor = _replicas.Single(r => r.Host != dead.Host);
        await (await dead.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).Standby();

        // Only the survivor's time moves on: past the resume delay of a claimed but unsent post.
        for (var minute = 0; minute < 4 && !survivor.App.Platform.Cards<QuestionCard>().Any(); minute++)
        {
            survivor.App.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(200);
        }
        await Eventually.TrueAsync(() => survivor.App.Platform.Cards<QuestionCard>().Count() == 1, "the survivor to post the 09:00 question");

        Assert.Empty(dead.App.Platform.Cards<QuestionCard>());
        await using var db = survivor.Host.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext();
        var post = await db.Posts.AsNoTracking().SingleAsync(p => p.ScheduledDate != null);
        Assert.Equal(new DateOnly(2026, 11, 23), post.ScheduledDate);
        Assert.Equal(survivor.App.Platform.Posts.Single(p => p.Message.Card is QuestionCard).Id, post.MessageId);
    }
}
