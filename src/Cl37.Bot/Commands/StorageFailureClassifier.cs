using Cl37.Bot.Chat;
using Cl37.Bot.Data;

namespace Cl37.Bot.Commands;

/// <summary>Tells the inbound pipeline which failures were storage saying "busy" or "not saved".</summary>
internal sealed class StorageFailureClassifier : IInboundFailureClassifier
{
    public InboundFailure Classify(Exception exception) =>
        StorageFaults.IsBusy(exception) ? InboundFailure.Busy
        : StorageFaults.IsFault(exception) ? InboundFailure.NotSaved
        : InboundFailure.Unexpected;
}
