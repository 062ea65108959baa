namespace Cl37.Bot.Data;

/// <summary>Reads the database on a timer, so readiness notices a store that cannot be read (a
/// damaged or wrong file, a server gone) before a person's command does.</summary>
internal sealed class DatabaseReadProbe(DatabaseConnections connections, DatabaseState state, TimeProvider time, ILogger<DatabaseReadProbe> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (state.IsReady)
                Record(await connections.ProbeReadAsync(stoppingToken));
            await Task.Delay(Interval, time, stoppingToken);
        }
    }

    private void Record(string? problem)
    {
        var before = state.ProbeFailure;
        state.Probed(problem);
        if (problem is not null && problem != before)
            logger.LogError("Storage: {Problem}", problem);
        else if (problem is null && before is not null)
            logger.LogInformation("Storage: the database reads again");
    }
}
