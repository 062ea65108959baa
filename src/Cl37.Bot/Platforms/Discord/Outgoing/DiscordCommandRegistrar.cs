using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Kernel;
using Cl37.Bot.Platforms.Discord.Rendering;
using Cl37.Bot.Platforms.Discord.Wire;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Discord.Outgoing;

/// <summary>Bulk-overwrites the slash commands once at start, to each configured guild (they appear
/// at once) or globally, unless <c>GET</c> shows they are already current (DAD
/// interactions/application-commands.mdx). A refusal is not all-or-nothing: when Discord refuses
/// fields of some commands (400 "Invalid Form Body" naming each field), those commands are sent
/// again without what was refused where that is safe — the bot checks every argument itself, so a
/// number option may become text and lose its min/max — and a command that still cannot be
/// registered is left out so that the others are. The log names each command; the health check
/// shows Degraded while any is missing. A failure never stops the rest of the app.</summary>
internal sealed class DiscordCommandRegistrar(
    DiscordRestClient rest,
    CommandCatalog catalog,
    DiscordCommandRegistration registration,
    IOptions<DiscordOptions> options,
    ILogger<DiscordCommandRegistrar> logger) : BackgroundService
{
    /// <summary>Each round either registers the commands or removes what Discord named; a few rounds
    /// cover a server that refuses one kind of field only after another was removed.</summary>
    private const int MaxRounds = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.RegisterCommands)
            return;
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
            registration.Set(catalog.All.Select(c => "/" + c.Name).ToList());
            return;
        }
        IReadOnlyList<string?> scopes = o.GuildIds.Count == 0 ? new string?[] { null } : o.GuildIds;
        var missing = new List<string>();
        foreach (var guild in scopes)
        {
            var scope = guild is null ? "globally" : "in guild " + guild;
            var left = await RegisterAsync(applicationId, guild, scope, stoppingToken);
            missing.AddRange(left.Select(name => guild is null ? "/" + name : $"/{name} (guild {guild})"));
        }
        registration.Set(missing);
    }

    /// <summary>Registers the catalog in one scope; returns the names of the commands left out.</summary>
    private async Task<IReadOnlyList<string>> RegisterAsync(string applicationId, string? guild, string scope, CancellationToken cancellationToken)
    {
        var commands = DiscordCommandBuilder.Build(catalog.All);
        var all = commands.Select(c => c.Name).ToList();
        try
        {
            var current = await rest.GetCommandsAsync(applicationId, guild, cancellationToken);
            if (current is not null && DiscordCommandBuilder.Same(current, commands))
            {
                logger.LogInformation("Discord slash commands {Scope} are up to date", scope);
                return [];
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Reading the Discord slash commands {Scope} failed ({Error}); registering them anyway", scope, ex.Message);
        }
        for (var round = 1; ; round++)
        {
            try
            {
                await rest.OverwriteCommandsAsync(applicationId, guild, commands, cancellationToken);
                var left = all.Except(commands.Select(c => c.Name)).ToList();
                if (left.Count == 0)
                    logger.LogInformation("Registered {Count} Discord slash commands {Scope}", commands.Count, scope);
                else
                    logger.LogError("Registered {Count} of {Total} Discord slash commands {Scope}; Discord refused {Missing}, which people cannot use there",
                        commands.Count, all.Count, scope, string.Join(", ", left.Select(n => "/" + n)));
                return left;
            }
            catch (DiscordRestException ex) when (ex is { Status: StatusCodes.Status400BadRequest, Errors: { ValueKind: JsonValueKind.Object } errors } && round < MaxRounds
                && Refusals(errors) is { Count: > 0 } refusals)
            {
                commands = WithoutRefused(commands, refusals, scope);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError("Registering Discord slash commands {Scope} failed, so none of {Commands} can be used there: {Error}",
                    scope, string.Join(", ", all.Select(n => "/" + n)), ex.Message);
                return all;
            }
        }
    }

    /// <summary>The commands again, with each refused constraint removed where the bot's own argument
    /// check makes that safe, and each command refused for anything else left out.</summary>
    private List<ApplicationCommand> WithoutRefused(List<ApplicationCommand> commands, List<Refusal> refusals, string scope)
    {
        var dropped = new HashSet<int>();
        foreach (var refusal in refusals)
        {
            if (refusal.Path is not [var first, .. var field] || !int.TryParse(first, out var index) || index < 0 || index >= commands.Count)
            {
                // A refusal of the request as a whole names no command: none can be kept with confidence.
                logger.LogError("Discord refused the slash commands {Scope} as a whole: {Field} {Problem}", scope, string.Join('.', refusal.Path), refusal.Message);
                return [];
            }
            var command = commands[index];
            var what = Relax(command, field);
            if (what is null)
            {
                dropped.Add(index);
                logger.LogError("Discord refused /{Command} {Scope} ({Field}: {Problem}); registering the other commands without it",
                    command.Name, scope, string.Join('.', field), refusal.Message);
            }
            else
            {
                logger.LogWarning("Discord refused {Field} of /{Command} {Scope} ({Problem}); registering it {What} (the bot still checks the value itself)",
                    string.Join('.', field), command.Name, scope, refusal.Message, what);
            }
        }
        return commands.Where((_, i) => !dropped.Contains(i)).ToList();
    }

    /// <summary>Removes the refused field at <paramref name="path"/> (<c>options.2.options.0.min_value</c>)
    /// when that is safe, and says how; null when it is not (the command is then left out).</summary>
    private static string? Relax(ApplicationCommand command, string[] path)
    {
        var options = command.Options;
        CommandOption? option = null;
        var i = 0;
        while (i + 1 < path.Length && path[i] == "options" && int.TryParse(path[i + 1], out var n) && options is not null && n >= 0 && n < options.Count)
        {
            option = options[n];
            options = option.Options;
            i += 2;
        }
        if (option is null || i != path.Length - 1)
            return null;
        var numeric = option.Type is ApplicationCommandOptionType.Integer or ApplicationCommandOptionType.Number;
        switch (path[i])
        {
            case "min_value" or "max_value" when numeric:
                option.MinValue = null;
                option.MaxValue = null;
                return $"with option {option.Name} unbounded";
            case "min_length" or "max_length" when option.Type == ApplicationCommandOptionType.String:
                option.MinLength = null;
                option.MaxLength = null;
                return $"with option {option.Name} of any length";
            case "type" when numeric && option.Choices is null:
                option.Type = ApplicationCommandOptionType.String;
                option.MinValue = null;
                option.MaxValue = null;
                return $"with option {option.Name} as text";
            default:
                return null;
        }
    }

    /// <summary>Every refused field in an "Invalid Form Body" <c>errors</c> object: the path of keys
    /// down to an object holding <c>_errors</c> (DAD topics/opcodes-and-status-codes.mdx "Error Messages").</summary>
    internal static List<Refusal> Refusals(JsonElement errors)
    {
        var found = new List<Refusal>();
        Walk(errors, [], found);
        return found;
    }

    private static void Walk(JsonElement node, List<string> path, List<Refusal> found)
    {
        if (node.ValueKind != JsonValueKind.Object)
            return;
        foreach (var property in node.EnumerateObject())
        {
            if (property.Name == "_errors")
            {
                var messages = property.Value.ValueKind == JsonValueKind.Array
                    ? property.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("message", out var m) ? m.GetString() : null).Where(m => m is not null)
                    : [];
                found.Add(new Refusal([.. path], string.Join(" ", messages)));
                continue;
            }
            path.Add(property.Name);
            Walk(property.Value, path, found);
            path.RemoveAt(path.Count - 1);
        }
    }

    /// <summary>One refused field: its path in the request body and Discord's words for it.</summary>
    internal sealed record Refusal(string[] Path, string Message);
}
