
namespace Cl37.Bot.Platforms.Playground.Wire;

internal sealed record AccessRequest(string? Key);
