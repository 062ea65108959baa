namespace Cl37.Bot.Content;

/// <summary>A revision section of a deck (concept table, exam traps, formula sheet, one-liners…), kept as Markdown.</summary>
/// <param name="Kind">formulas, concepts, traps, oneliners, rules, mnemonics, other.</param>
public sealed record RevisionSection(string Title, string Kind, string Markdown);
