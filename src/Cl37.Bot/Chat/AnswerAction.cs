namespace Cl37.Bot.Chat;

/// <summary>A person's answer to a posted question: the option keys they picked (single choice:
/// one; multiple select: several) or the one text they typed (numerical, fill-in).</summary>
/// <param name="DeliveryId">The platform's id of this delivery (interaction id, activity id) when
/// it has one; a redelivery carries the same id. Informational: exactly-once does not rely on it.</param>
public sealed record AnswerAction(
    ChannelRef Channel,
    ChatUser User,
    long PostId,
    IReadOnlyList<string> Values,
    string? DeliveryId = null) : Inbound(Channel, User);
