namespace Cl37.Bot.Chat;

/// <summary>One option of a command, as data: every platform renders its command list from these.</summary>
/// <param name="AdminOnlyValue">A value of the option that only admins may give, whatever the
/// group's settings (<c>force:true</c>, <c>format:csv</c>); the dispatcher refuses it to anyone else.</param>
public sealed record OptionDefinition(
    string Name,
    string Description,
    OptionKind Kind,
    bool Required = false,
    IReadOnlyList<string>? Choices = null,
    double? MinValue = null,
    double? MaxValue = null,
    int? MaxLength = null,
    string? AdminOnlyValue = null);
