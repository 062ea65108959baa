using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cl37.Bot.Data;

/// <summary>The one place every EF Core write and read passes: a write (SaveChanges, ExecuteUpdate,
/// ExecuteDelete, raw SQL) starts only on the SQLite file this process opened and is acknowledged only
/// if that file is still there afterwards; storage faults of writes and reads are recorded for the
/// readiness check, and a failed write is marked so the reply can say it was not saved.</summary>
internal sealed class StorageInterceptor(SqliteFileGuard guard, DatabaseState state) : ISaveChangesInterceptor, IDbCommandInterceptor
{
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        guard.ThrowIfLost();
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        guard.ThrowIfLost();
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Written();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Written();
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Failed(eventData.Exception, write: true);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Exception, write: true);
        return Task.CompletedTask;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (IsStatementWrite(eventData.CommandSource))
            guard.ThrowIfLost();
        return result;
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (IsStatementWrite(eventData.CommandSource))
            guard.ThrowIfLost();
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (IsStatementWrite(eventData.CommandSource))
            Written();
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (IsStatementWrite(eventData.CommandSource))
            Written();
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        Failed(eventData.Exception, write: eventData.CommandSource is CommandSource.SaveChanges || IsStatementWrite(eventData.CommandSource));

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandFailed(command, eventData);
        return Task.CompletedTask;
    }

    // SaveChanges is checked once around the whole save, not per statement.
    private static bool IsStatementWrite(CommandSource source) =>
        source is CommandSource.ExecuteUpdate or CommandSource.ExecuteDelete or CommandSource.ExecuteSqlRaw;

    private void Written()
    {
        // Checked after the commit too: a file deleted while the statement ran took the write with it.
        guard.ThrowIfLost();
        state.WriteSucceeded();
    }

    private void Failed(Exception error, bool write)
    {
        if (write)
            StorageFaults.MarkWrite(error);
        if (!StorageFaults.IsFault(error))
            return;
        if (write)
            state.WriteFailed(error);
        else
            state.ReadFailed(error);
    }
}
