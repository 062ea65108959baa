using Cl37.Bot.Chat;
using Cl37.Bot.Data;
using Cl37.Bot.Messages;

namespace Cl37.Bot.Commands;

/// <summary>Tells the inbound pipeline which failures were storage saying "busy", "not saved" (a
/// write failed, or the database file is gone) or "could not read" (a read failed, so nothing was
/// changed either), and words the storage ones.</summary>
internal sealed class StorageFailureClassifier(DatabaseState state, SqliteFileGuard guard) : IInboundFailureClassifier
{
    public InboundFailure Classify(Exception exception)
    {
        if (StorageFaults.IsBusy(exception))
            return InboundFailure.Busy;
        // With the file deleted or replaced, whatever the database said ("unable to open", "no such
        // table") comes from that, and nothing can be saved.
        if (StorageFaults.IsStorage(exception) && guard.Problem() is not null)
            return InboundFailure.NotSaved;
        if (!StorageFaults.IsFault(exception))
            return InboundFailure.Unexpected;
        if (StorageFaults.IsWrite(exception))
            return InboundFailure.NotSaved;
        // A fault met while stepping through rows, after the statement started, reaches no command
        // interceptor; readiness counts it here.
        state.ReadFailed(exception);
        return InboundFailure.NotRead;
    }

    public OutgoingMessage? Explain(Inbound request, InboundFailure failure) => request is AnswerAction ? null : failure switch
    {
        InboundFailure.NotSaved or InboundFailure.NotRead when guard.Problem() is not null => StorageMessages.DatabaseLost(),
        InboundFailure.NotRead => StorageMessages.CouldNotRead(),
        _ => null,
    };
}
