using System.Text.Json;

namespace Cl37.Bot.Platforms.Discord.Wire;

// Inbound interactions (DAD interactions/receiving-and-responding.mdx "Interaction Structure",
// "Application Command Data", "Message Component Data", "Modal Submit Data").

internal sealed class Interaction
{
    public string Id { get; init; } = "";
    public string ApplicationId { get; init; } = "";
    public InteractionType Type { get; init; }
    public InteractionData? Data { get; init; }
    public string? GuildId { get; init; }
    public string? ChannelId { get; init; }
    public GuildMember? Member { get; init; }
    public DiscordUser? User { get; init; }
    public string Token { get; init; } = "";
    public int Version { get; init; }
    public DiscordMessage? Message { get; init; }
    public string? AppPermissions { get; init; }
    public string? Locale { get; init; }
    public string? GuildLocale { get; init; }
    public InteractionContextType? Context { get; init; }
}

internal sealed class InteractionData
{
    /// <summary>The command's snowflake (a string) for commands, the component's number for components.</summary>
    public JsonElement? Id { get; init; }
    public string? Name { get; init; }
    public ApplicationCommandType? Type { get; init; }
    public List<InteractionOption>? Options { get; init; }
    public string? GuildId { get; init; }
    public string? CustomId { get; init; }
    public ComponentType? ComponentType { get; init; }
    public List<string>? Values { get; init; }
    public List<SubmittedComponent>? Components { get; init; }

    /// <summary>The objects options refer to by id (DAD interactions/receiving-and-responding.mdx "Resolved Data Structure").</summary>
    public ResolvedData? Resolved { get; init; }
}

internal sealed class ResolvedData
{
    /// <summary>Attachment options' files by attachment id.</summary>
    public Dictionary<string, ResolvedAttachment>? Attachments { get; init; }
}

/// <summary>A file given to an ATTACHMENT option (DAD resources/message.mdx "Attachment Object").</summary>
internal sealed class ResolvedAttachment
{
    public string Id { get; init; } = "";
    public string Filename { get; init; } = "";
    public long? Size { get; init; }
    public string? ContentType { get; init; }
    public string Url { get; init; } = "";
}

internal sealed class InteractionOption
{
    public string Name { get; init; } = "";
    public ApplicationCommandOptionType Type { get; init; }
    public JsonElement? Value { get; init; }
    public List<InteractionOption>? Options { get; init; }
    public bool? Focused { get; init; }
}

/// <summary>A component inside a modal submission: a Label (type 18) wrapping <c>component</c>, a
/// legacy action row (type 1) wrapping <c>components</c>, or the text input (type 4) itself.</summary>
internal sealed class SubmittedComponent
{
    public ComponentType Type { get; init; }
    public int? Id { get; init; }
    public string? CustomId { get; init; }
    public string? Value { get; init; }
    public List<string>? Values { get; init; }
    public SubmittedComponent? Component { get; init; }
    public List<SubmittedComponent>? Components { get; init; }
}

internal sealed class GuildMember
{
    public DiscordUser? User { get; init; }
    public string? Nick { get; init; }
    public List<string>? Roles { get; init; }
    public string? Permissions { get; init; }
    public string? JoinedAt { get; init; }
    public bool? Pending { get; init; }
}

internal sealed class DiscordUser
{
    public string Id { get; init; } = "";
    public string? Username { get; init; }
    public string? GlobalName { get; init; }
    public string? Discriminator { get; init; }
    public string? Avatar { get; init; }
    public bool? Bot { get; init; }
}

internal sealed class DiscordMessage
{
    public string Id { get; init; } = "";
    public string? ChannelId { get; init; }
    public string? Content { get; init; }
    public MessageFlags? Flags { get; init; }
}
