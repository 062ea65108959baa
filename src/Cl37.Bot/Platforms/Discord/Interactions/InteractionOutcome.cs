using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Wire;

namespace Cl37.Bot.Platforms.Discord.Interactions;

/// <summary>The first response to an interaction, and when that response is a deferral, the work
/// whose result must follow through the interaction webhook.</summary>
internal sealed record InteractionOutcome(InteractionResponse Initial, Task<OutgoingMessage>? Deferred = null);
