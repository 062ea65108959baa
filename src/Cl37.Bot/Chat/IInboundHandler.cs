namespace Cl37.Bot.Chat;

/// <summary>What the bot does with an inbound request; the pipeline calls it, without a DI scope.
/// Null means there is nothing to show (a post view of a post that is not this group's).</summary>
public interface IInboundHandler
{
    Task<OutgoingMessage?> HandleAsync(Inbound request, CancellationToken cancellationToken);
}

/// <summary>How a failed request is explained to the person who sent it.</summary>
public enum InboundFailure
{
    /// <summary>A fault nobody anticipated; nothing was changed.</summary>
    Unexpected,

    /// <summary>Storage was busy with other work: nothing was saved, trying again soon works.</summary>
    Busy,

    /// <summary>Storage could not write (full disk, broken file, unreachable server): nothing was saved.</summary>
    NotSaved,

    /// <summary>Storage could not read (damaged or missing file, unreachable server): nothing could be shown, nothing was changed.</summary>
    NotRead,
}

/// <summary>Sorts an exception into an <see cref="InboundFailure"/>; the storage layer knows its faults.</summary>
public interface IInboundFailureClassifier
{
    InboundFailure Classify(Exception exception);

    /// <summary>The reply to a failed request when the classifier words it itself, or null for the pipeline's own words.</summary>
    OutgoingMessage? Explain(Inbound request, InboundFailure failure) => null;
}
