using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Wire;

namespace Cl37.Bot.Platforms.Discord.Incoming;

/// <summary>The first response to an interaction; when that response is a deferral, the work whose
/// result must follow through the interaction webhook; when the reply was too long for one message,
/// the parts that follow it.</summary>
internal sealed record InteractionOutcome(InteractionResponse Initial, Task<OutgoingMessage?>? Deferred = null)
{
    public IReadOnlyList<MessagePayload> Followups { get; init; } = [];
}
