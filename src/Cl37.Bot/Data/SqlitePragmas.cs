using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cl37.Bot.Data;

/// <summary>Per-connection SQLite settings. synchronous=NORMAL in WAL mode keeps every commit through
/// an application crash (kill -9) and skips the fsync per commit; only an OS crash or power loss
/// can roll back the last commits (sqlite.org/pragma.html#pragma_synchronous).</summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA synchronous=NORMAL;";
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA synchronous=NORMAL;";
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
