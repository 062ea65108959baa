using Cl37.Bot.Chat;

namespace Cl37.Bot.Messages;

/// <summary>What a person is told when the bot's database cannot be read, or is gone.</summary>
public static class StorageMessages
{
    public static OutgoingMessage CouldNotRead() => OutgoingMessage.PrivateText(
        "Could not read the bot's database, so nothing was shown or changed. Please try again in a moment.");

    public static OutgoingMessage DatabaseLost() => OutgoingMessage.PrivateText(
        "Not saved: the bot's database file is missing or was replaced, so nothing was changed or shown. Please try again later.");
}
