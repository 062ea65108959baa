namespace Cl37.Bot.Chat;

/// <summary>One option of a command, as data: every platform renders its command list from these.</summary>
public sealed record OptionDefinition(
    string Name,
    string Description,
    OptionKind Kind,
    bool Required = false,
    IReadOnlyList<string>? Choices = null,
    double? MinValue = null,
    double? MaxValue = null,
    int? MaxLength = null);
