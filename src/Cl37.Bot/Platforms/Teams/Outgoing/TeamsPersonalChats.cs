using System.Collections.Concurrent;

namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>The 1:1 chat id of each person the bot has written to privately. Creating a personal
/// conversation that exists already returns the same id (Bot Framework "Create Conversation";
/// msteams send-proactive-messages.md), so one create per person is enough: private feedback to a
/// class of hundreds then costs one Bot Connector call per answer, not two.</summary>
internal sealed class TeamsPersonalChats
{
    private const int MaxPeople = 10_000;
    private readonly ConcurrentDictionary<(string ServiceUrl, string UserId), string> _chats = new();

    public string? Find(string serviceUrl, string userId) => _chats.TryGetValue((serviceUrl, userId), out var id) ? id : null;

    public void Remember(string serviceUrl, string userId, string chatId)
    {
        if (_chats.Count >= MaxPeople)
            _chats.Clear();
        _chats[(serviceUrl, userId)] = chatId;
    }

    /// <summary>The chat refused a message: the app was removed for that person, so ask again next time.</summary>
    public void Forget(string serviceUrl, string userId) => _chats.TryRemove((serviceUrl, userId), out _);
}
