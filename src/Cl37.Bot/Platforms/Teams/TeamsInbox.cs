using System.Threading.Channels;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Platforms.Teams;

/// <summary>Non-invoke activities are acknowledged at once (Teams wants an answer within ~15 s) and
/// handled here, a few at a time, each in its own DI scope.</summary>
internal sealed class TeamsInbox(IServiceScopeFactory scopes, ILogger<TeamsInbox> logger) : BackgroundService
{
    public const int Capacity = 10_000;
    private const int Workers = 4;
    private readonly Channel<Activity> _queue = Channel.CreateBounded<Activity>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    public int Pending => _queue.Reader.Count;

    /// <summary>False when the inbox is full; the caller answers 503 so the channel retries.</summary>
    public bool TryEnqueue(Activity activity) => _queue.Writer.TryWrite(activity);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var activity in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<TeamsActivityHandler>().HandleAsync(activity, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Handling a Teams {Type} activity failed", activity.Type);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
