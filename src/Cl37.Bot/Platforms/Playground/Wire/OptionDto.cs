
namespace Cl37.Bot.Platforms.Playground.Wire;

internal sealed record OptionDto(string Key, string Text);
