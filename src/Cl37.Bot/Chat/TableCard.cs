namespace Cl37.Bot.Chat;

/// <summary>A table (leaderboards, stats). Cells are plain text.</summary>
public sealed record TableCard(
    string Title,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    string? Footer = null) : ChatCard;
