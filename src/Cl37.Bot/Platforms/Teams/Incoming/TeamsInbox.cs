using System.Threading.Channels;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Platforms.Teams.Incoming;

/// <summary>Non-invoke activities are acknowledged at once (Teams wants an answer within ~15 s) and
/// handled here. Activities of one conversation share a lane, so they are
/// handled in the order they arrived ("quiz now" before "quiz reveal"); lanes run in parallel.</summary>
internal sealed class TeamsInbox(IServiceProvider services, ILogger<TeamsInbox> logger) : BackgroundService
{
    // Resolved at the first activity, not when the host starts the inbox.
    private TeamsActivityHandler? _handler;

    public const int Capacity = 10_000;
    private const int Lanes = 4;
    private readonly Channel<Activity>[] _lanes = [.. Enumerable.Range(0, Lanes).Select(_ => Channel.CreateBounded<Activity>(new BoundedChannelOptions(Capacity / Lanes)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    }))];

    public int Pending => _lanes.Sum(l => l.Reader.Count);

    /// <summary>False when the conversation's lane is full; the caller answers 503 so the channel retries.</summary>
    public bool TryEnqueue(Activity activity)
    {
        var key = TeamsSendQueue.ThreadKey(activity.Conversation?.Id ?? "");
        var lane = (int)((uint)StringComparer.Ordinal.GetHashCode(key) % Lanes);
        return _lanes[lane].Writer.TryWrite(activity);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_lanes.Select(lane => WorkAsync(lane.Reader, stoppingToken)));

    private async Task WorkAsync(ChannelReader<Activity> reader, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var activity in reader.ReadAllAsync(stoppingToken))
            {
                // Requests run through the pipeline, which never throws; storing a conversation
                // reference on install or on a message happens outside it and may, and a lane must
                // outlive one failed activity.
                try
                {
                    _handler ??= services.GetRequiredService<TeamsActivityHandler>();
                    await _handler.HandleAsync(activity, stoppingToken);
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
