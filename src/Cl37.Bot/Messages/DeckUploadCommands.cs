namespace Cl37.Bot.Messages;

/// <summary>The commands the deck upload replies point to, written by the handler from the command
/// definitions so a renamed option never leaves a reply teaching the old one.</summary>
public sealed record DeckUploadCommands(
    string Add,
    string Confirm,
    string Remove,
    string Decks,
    string ScheduleSet,
    Func<string, string> Regrade,
    Func<string, string> PostFrom);
