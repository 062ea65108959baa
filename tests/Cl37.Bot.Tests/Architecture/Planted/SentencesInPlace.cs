using Cl37.Bot.Chat;

namespace Cl37.Bot.Tests.Architecture.Planted.Sentences.Messages;

/// <summary>A sentence where sentences belong: the scanner leaves the Messages namespace alone.</summary>
internal static class InPlace
{
    public static OutgoingMessage Reply() => OutgoingMessage.PrivateText("Your answer was recorded.");
}
