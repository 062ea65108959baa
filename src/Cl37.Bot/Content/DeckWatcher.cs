namespace Cl37.Bot.Content;

/// <summary>Puts edited, added and removed deck files in service while the bot runs: a file watcher
/// on the content folder, debounced so a burst of writes makes one reload, and a rescan on a timer
/// because a watcher can lose events (a full buffer, a network share, a folder created later). Does
/// nothing when the decks in service did not come from the folder.</summary>
public sealed class DeckWatcher(DeckFolder folder, DeckLibrary library, TimeProvider time, ILogger<DeckWatcher> logger) : IHostedService, IDisposable
{
    /// <summary>How long the folder must be quiet after an event before it is read again.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the folder is read again even without an event.</summary>
    public static readonly TimeSpan RescanEvery = TimeSpan.FromSeconds(30);

    private readonly Lock _applying = new();
    private ITimer? _debounce;
    private ITimer? _rescan;
    private FileSystemWatcher? _watcher;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!folder.WasRead)
            return Task.CompletedTask;
        _debounce = time.CreateTimer(_ => Apply(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _rescan = time.CreateTimer(_ => Apply(), null, RescanEvery, RescanEvery);
        _watcher = Watch();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
        _rescan?.Dispose();
    }

    /// <summary>Something in the folder changed: read it once it has been quiet for <see cref="Debounce"/>.</summary>
    public void Poke() => _debounce?.Change(Debounce, Timeout.InfiniteTimeSpan);

    /// <summary>Reads the folder now and puts what changed in service, with one log line.</summary>
    public DeckReload Apply()
    {
        lock (_applying)
        {
            try
            {
                var reload = folder.Read();
                if (!reload.AnythingChanged)
                    return reload;
                library.Replace(reload.Library);
                if (reload.Changes.Count > 0)
                    logger.LogInformation("Decks changed in {ContentPath}: {DeckChanges}", folder.Path, Describe(reload.Changes));
                if (reload.ProblemsChanged)
                {
                    foreach (var error in reload.Library.Errors)
                        logger.LogWarning("Deck problem: {DeckError}", error.ToString());
                    if (reload.Library.Errors.Count == 0)
                        logger.LogInformation("The decks in {ContentPath} have no problems any more", folder.Path);
                }
                return reload;
            }
            catch (Exception ex)
            {
                // A timer callback that throws would end the process; the next event or rescan tries again.
                logger.LogError(ex, "Reading the decks in {ContentPath} failed", folder.Path);
                return new DeckReload(library.Current, [], false);
            }
        }
    }

    /// <summary>The one line a reload logs: <c>added k8s (24 questions); updated docker (12 → 13 questions)</c>.</summary>
    public static string Describe(IReadOnlyList<DeckChange> changes) => string.Join("; ", changes.Select(c => c.Kind switch
    {
        DeckChangeKind.Added => $"added {c.DeckId} from {c.File} ({Questions(c.After!.Value)})",
        DeckChangeKind.Updated => $"updated {c.DeckId} ({c.Before} → {Questions(c.After!.Value)})",
        DeckChangeKind.Removed => $"removed {c.DeckId} ({Questions(c.Before!.Value)} out of service; answers kept)",
        _ => $"{c.File} has {c.Errors.Count} error(s) (first {c.Errors.FirstOrDefault()}); its last good version of {c.DeckId} ({Questions(c.Before!.Value)}) stays in service",
    }));

    private static string Questions(int count) => count == 1 ? "1 question" : $"{count} questions";

    private FileSystemWatcher? Watch()
    {
        var path = folder.Path;
        var (dir, filter) = File.Exists(path) ? (System.IO.Path.GetDirectoryName(path)!, System.IO.Path.GetFileName(path)) : (path, "*");
        if (!Directory.Exists(dir))
            return null;
        try
        {
            var watcher = new FileSystemWatcher(dir, filter)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            watcher.Changed += (_, _) => Poke();
            watcher.Created += (_, _) => Poke();
            watcher.Deleted += (_, _) => Poke();
            watcher.Renamed += (_, _) => Poke();
            // An overflowing buffer drops events without saying which: read everything again.
            watcher.Error += (_, e) =>
            {
                logger.LogWarning(e.GetException(), "The deck folder watcher lost events; reading {ContentPath} again", folder.Path);
                Poke();
            };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Cannot watch {ContentPath}; deck changes are picked up every {RescanSeconds} s", folder.Path, RescanEvery.TotalSeconds);
            return null;
        }
    }
}
