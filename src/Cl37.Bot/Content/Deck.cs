namespace Cl37.Bot.Content;

/// <summary>One Markdown deck file.</summary>
public sealed record Deck(string Id, string Title, string SourceFile, IReadOnlyList<Question> Questions, IReadOnlyList<RevisionSection> Revision);
