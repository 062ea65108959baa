using Cl37.Bot.Chat;
using Microsoft.Extensions.Logging;

namespace Cl37.Bot.Tests.Architecture.Planted.Sentences;

/// <summary>Sentences that reach a reply outside a Messages namespace, in each way the scanner
/// follows, beside strings it must leave alone: a log message, an exception's, a protocol constant
/// and a sentence worded through <see cref="IChatWording"/>.</summary>
internal sealed class Replies(ILogger<Replies> logger)
{
    public const string ContentType = "application/json; charset=utf-8";

    private const string Inactive = "This control is no longer active.";

    public static OutgoingMessage Direct() => OutgoingMessage.PrivateText("Type an answer before submitting.");

    public static OutgoingMessage Interpolated(string name) => OutgoingMessage.PublicText($"{name} answer was recorded.");

    public static OutgoingMessage ThroughAConstant() => OutgoingMessage.PrivateText(Inactive);

    public static OutgoingMessage ThroughHelpers() => Wrap(Welcome("Kim"));

    public static OutgoingMessage Worded(IChatWording wording) => OutgoingMessage.PrivateText(wording.Say(new ChatNotice.Unexpected()));

    public OutgoingMessage Logged()
    {
        logger.LogWarning("The connector refused the reply for {Conversation}", "c1");
        return OutgoingMessage.PrivateText(ContentType.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static OutgoingMessage Thrown(bool fail) =>
        fail ? throw new InvalidOperationException("Not a request this bot knows.") : OutgoingMessage.PrivateText("ok");

    private static string Welcome(string name) => $"Hello {name}, I post a question a day.";

    private static OutgoingMessage Wrap(string text) => OutgoingMessage.PrivateText(text);
}
