
namespace Cl37.Bot.Platforms.Playground.Wire;

/// <summary>Who caused a public message and what they typed (null for an answer).</summary>
internal sealed record InvocationDto(string Name, string? Text);
