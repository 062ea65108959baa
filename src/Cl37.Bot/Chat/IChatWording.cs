namespace Cl37.Bot.Chat;

/// <summary>Words what the port and the adapters tell a person on their own (a failure, a refused
/// answer, a platform's notices). Implemented in <c>Messages/</c>; the port holds no sentences.</summary>
public interface IChatWording
{
    /// <summary>The sentence for <paramref name="notice"/>, in Markdown.</summary>
    string Say(ChatNotice notice);
}
