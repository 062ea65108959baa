namespace Cl37.Bot.Messages;

/// <summary>The topics the revision notes or the questions cover, and an example of asking for one.</summary>
public sealed record RevisionTopics(IReadOnlyList<string> Topics, string Example);
