
namespace Cl37.Bot.Platforms.Playground.Wire;

internal sealed record ConfigDto(
    string Room,
    IReadOnlyList<string> Channels,
    bool AllowAdminSwitch,
    int MaxNameLength,
    int MaxCommandLength);
