using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Rest;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Discord.Interactions;

/// <summary>Bulk-overwrites the slash commands once at start, to each configured guild (they appear
/// at once) or globally, unless <c>GET</c> shows they are already current (DAD
/// interactions/application-commands.mdx). A failure is logged and the rest of the app keeps running.</summary>
internal sealed class DiscordCommandRegistrar(DiscordRestClient rest, CommandCatalog catalog, IOptions<DiscordOptions> options, ILogger<DiscordCommandRegistrar> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.RegisterCommands)
            return;
        var commands = DiscordCommandBuilder.Build(catalog.All);
        string applicationId;
        try
        {
            applicationId = string.IsNullOrWhiteSpace(o.ApplicationId)
                ? (await rest.GetCurrentApplicationAsync(stoppingToken)).Id
                : o.ApplicationId;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("Looking up the Discord application id failed, so no slash commands were registered: {Error}. Set Discord:ApplicationId.", ex.Message);
            return;
        }
        IReadOnlyList<string?> scopes = o.GuildIds.Count == 0 ? new string?[] { null } : o.GuildIds;
        foreach (var guild in scopes)
        {
            try
            {
                var current = await rest.GetCommandsAsync(applicationId, guild, stoppingToken);
                if (current is not null && DiscordCommandBuilder.Same(current, commands))
                {
                    logger.LogInformation("Discord slash commands {Scope} are up to date", guild is null ? "(global)" : "in guild " + guild);
                    continue;
                }
                var registered = await rest.OverwriteCommandsAsync(applicationId, guild, commands, stoppingToken);
                logger.LogInformation("Registered {Count} Discord slash commands {Scope}", registered?.Count ?? commands.Count, guild is null ? "globally" : "in guild " + guild);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError("Registering Discord slash commands {Scope} failed: {Error}", guild is null ? "globally" : "in guild " + guild, ex.Message);
            }
        }
    }
}
