using Microsoft.Extensions.Options;

namespace Cl37.Bot.Data;

/// <summary>Tells whether the disk holding the SQLite file has room for writes. A full disk lets
/// every read through, so without this a bot restarted on a full disk would look ready until the
/// first answer failed to save.</summary>
public sealed class SqliteDiskSpace(DatabaseState state, IOptions<DatabaseOptions> options)
{
    private const long BytesPerMegabyte = 1024 * 1024;

    /// <summary>What is wrong with the space left, or null when there is enough (and always on
    /// PostgreSQL, or when the check is off or the free space cannot be read).</summary>
    public string? Problem()
    {
        var minimum = options.Value.MinFreeMegabytes;
        if (state.SqliteFile is not { } file || minimum == 0 || Path.GetDirectoryName(file.Path) is not { Length: > 0 } folder)
            return null;
        long free;
        try
        {
            // On Linux this reads statvfs for the folder's own file system, a mounted volume included.
            free = new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
        if (free >= minimum * BytesPerMegabyte)
            return null;
        return $"the disk holding {folder} has {free / (double)BytesPerMegabyte:0.0} MiB free, less than "
            + $"{DatabaseOptions.Section}:{nameof(DatabaseOptions.MinFreeMegabytes)} ({minimum}): answers cannot be saved until space is freed";
    }
}
