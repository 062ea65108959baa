namespace Cl37.Bot.Hosting;

/// <summary>Gives the memory of a past burst back to the system once the process has gone quiet.
/// The .NET GC runs only when the app allocates, so after a spike (hundreds of live streams cut,
/// a burst of answers) an idle process keeps the dead buffers committed indefinitely: they count
/// against a container's memory limit and against memory-based autoscaling. One full, decommitting
/// collection when activity stops (no collection during a whole period after one with some) is
/// enough; a busy process and a process that stays idle are never collected by it.</summary>
internal sealed class IdleMemoryTrim(TimeProvider time, ILogger<IdleMemoryTrim> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(15);

    // Below this much growth since the last trim there is nothing worth a full collection.
    private const long MinGrowthBytes = 8 * 1024 * 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        var seen = GC.CollectionCount(0);
        var busy = false;
        var trimmedTo = 0L;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = GC.CollectionCount(0);
                if (now != seen)
                {
                    busy = true;
                }
                else if (busy)
                {
                    busy = false;
                    if (GC.GetGCMemoryInfo().TotalCommittedBytes - trimmedTo >= MinGrowthBytes)
                    {
                        var before = Environment.WorkingSet;
                        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                        trimmedTo = GC.GetGCMemoryInfo().TotalCommittedBytes;
                        logger.LogDebug("Quiet after activity: working set {Before} → {After} bytes", before, Environment.WorkingSet);
                    }
                }
                seen = GC.CollectionCount(0);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
