using Cl37.Bot.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Data;

/// <summary>Builds EF Core's services and opens a pooled connection once the app has reported ready
/// (<see cref="BackgroundStart"/>), so readiness does not wait for it and the first answer does not pay for it.</summary>
internal sealed class ModelWarmup(IDbContextFactory<BotDbContext> factory, BackgroundStart background, IHostApplicationLifetime lifetime, ILogger<ModelWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(WarmAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WarmAsync()
    {
        try
        {
            await background.WaitAsync(lifetime.ApplicationStopping);
            await using var db = await factory.CreateDbContextAsync(lifetime.ApplicationStopping);
            _ = db.Model;
            await db.Database.OpenConnectionAsync(lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Warming up the database layer failed; the first request will retry it");
        }
    }
}
