
namespace Cl37.Bot.Platforms.Playground.Wire;

/// <summary>A message as the page renders it. Every string is untrusted text: the page inserts it
/// as text, never as HTML.</summary>
internal sealed record MessageDto(
    string? Id,
    long Version,
    DateTimeOffset Time,
    string Text,
    bool Private,
    CardDto? Card,
    InvocationDto? InvokedBy,
    IReadOnlyList<FileDto>? Files = null);
