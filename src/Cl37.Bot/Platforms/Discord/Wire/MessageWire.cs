using System.Text.Json;
using System.Text.Json.Serialization;
using Cl37.Bot.Chat;

namespace Cl37.Bot.Platforms.Discord.Wire;

// Outbound messages and interaction responses (DAD resources/message.mdx "Create Message";
// interactions/receiving-and-responding.mdx "Interaction Response Structure"; components/reference.mdx).

internal sealed class MessagePayload
{
    public string? Content { get; init; }
    public List<Component>? Components { get; init; }
    public MessageFlags? Flags { get; init; }
    public AllowedMentions AllowedMentions { get; init; } = new();

    /// <summary>One entry per uploaded file, its id the n of its <c>files[n]</c> part.</summary>
    public List<AttachmentRef>? Attachments { get; init; }

    /// <summary>The files themselves: sent as multipart parts beside <c>payload_json</c>, not in the JSON.</summary>
    [JsonIgnore]
    public IReadOnlyList<FileAttachment> Files { get; init; } = [];
}

/// <summary>A file of the request by its part number (DAD reference.mdx "Uploading Files").</summary>
internal sealed class AttachmentRef
{
    public int Id { get; init; }
    public required string Filename { get; init; }
}

/// <summary><c>parse: []</c> so deck text or names can never ping @everyone, a role or a person.</summary>
internal sealed class AllowedMentions
{
    public List<string> Parse { get; init; } = [];
}

internal sealed class Component
{
    public ComponentType Type { get; init; }
    /// <summary>A <see cref="ButtonStyle"/> on a button, a <see cref="TextInputStyle"/> on a text input.</summary>
    public int? Style { get; init; }
    public string? Label { get; init; }
    public string? CustomId { get; init; }
    public bool? Disabled { get; init; }
    public string? Placeholder { get; init; }
    public int? MinValues { get; init; }
    public int? MaxValues { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public bool? Required { get; init; }
    public string? Description { get; init; }
    public List<SelectOption>? Options { get; init; }
    public List<Component>? Components { get; init; }
    [JsonPropertyName("component")]
    public Component? Child { get; init; }
}

internal sealed class SelectOption
{
    public string Label { get; init; } = "";
    public string Value { get; init; } = "";
    public string? Description { get; init; }
}

internal sealed class InteractionResponse
{
    public InteractionCallbackType Type { get; init; }
    public InteractionCallbackData? Data { get; init; }
}

internal sealed class InteractionCallbackData
{
    public string? Content { get; init; }
    public List<Component>? Components { get; init; }
    public MessageFlags? Flags { get; init; }
    public AllowedMentions? AllowedMentions { get; init; }
    public string? CustomId { get; init; }
    public string? Title { get; init; }
    public List<CommandChoice>? Choices { get; init; }
}

internal sealed class RateLimitResponse
{
    public string? Message { get; init; }
    public double RetryAfter { get; init; }
    public bool Global { get; init; }
    public int? Code { get; init; }
}

internal sealed class ErrorResponse
{
    public int? Code { get; init; }
    public string? Message { get; init; }

    /// <summary>Which fields were refused: objects keyed by field name or array index down to each
    /// refused field, whose <c>_errors</c> lists <c>{code, message}</c> (DAD
    /// topics/opcodes-and-status-codes.mdx "Error Messages", code 50035 "Invalid Form Body").</summary>
    public JsonElement? Errors { get; init; }
}
