using Cl37.Bot.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Data;

/// <summary>Builds EF Core's services and opens a pooled connection once the app has started and
/// answered ready (<see cref="StartupGate"/>), so readiness does not wait for it and the first answer
/// does not pay for it.</summary>
internal sealed class ModelWarmup(IDbContextFactory<BotDbContext> factory, StartupGate gate, IHostApplicationLifetime lifetime, ILogger<ModelWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(WarmAsync));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WarmAsync()
    {
        try
        {
            await gate.WaitAsync(lifetime.ApplicationStopping);
            await using var db = await factory.CreateDbContextAsync(lifetime.ApplicationStopping);
            _ = db.Model;
            await db.Database.OpenConnectionAsync(lifetime.ApplicationStopping);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Warming up the database layer failed; the first request will retry it");
        }
    }
}
