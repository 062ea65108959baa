
namespace Cl37.Bot.Platforms.Discord.Kernel;

/// <summary>Which slash commands Discord does not have, as the last registration left them; the
/// health check reports Degraded while any is missing.</summary>
internal sealed class DiscordCommandRegistration
{
    private volatile IReadOnlyList<string> _missing = [];

    /// <summary>"/quiz (in guild 123)" for each command a registration left out.</summary>
    public IReadOnlyList<string> Missing => _missing;

    public void Set(IReadOnlyList<string> missing) => _missing = missing;
}
