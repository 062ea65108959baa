using System.Text.Json;

namespace Cl37.Bot.Platforms.Discord.Wire;

// Application commands (DAD interactions/application-commands.mdx "Application Command Structure",
// "Application Command Option Structure").

internal sealed class ApplicationCommand
{
    public string? Id { get; init; }
    public ApplicationCommandType Type { get; init; } = ApplicationCommandType.ChatInput;
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public List<CommandOption>? Options { get; init; }
    public string? DefaultMemberPermissions { get; init; }
    public List<InteractionContextType>? Contexts { get; init; }
    public List<ApplicationIntegrationType>? IntegrationTypes { get; init; }
}

internal sealed class CommandOption
{
    public ApplicationCommandOptionType Type { get; set; }
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public bool? Required { get; init; }
    public List<CommandChoice>? Choices { get; init; }
    public List<CommandOption>? Options { get; init; }
    public double? MinValue { get; set; }
    public double? MaxValue { get; set; }
    public int? MinLength { get; set; }
    public int? MaxLength { get; set; }
}

internal sealed class CommandChoice
{
    public string Name { get; init; } = "";
    public JsonElement Value { get; init; }
}
