using Cl37.Bot.Platforms.Discord.Wire;

namespace Cl37.Bot.Platforms.Discord.Outgoing;

/// <summary>Checks a message against Discord's documented limits before it is sent: a request
/// Discord would refuse is not sent at all, since invalid requests count toward a Cloudflare ban
/// (DAD topics/rate-limits.mdx "Invalid Request Limit"; resources/message.mdx; components/reference.mdx).</summary>
internal static class DiscordPayloadRules
{
    /// <summary>The most a bot may upload with one message without a boosted server (DAD reference.mdx "Uploading Files").</summary>
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    /// <summary>Files per message (DAD resources/message.mdx "Create Message": up to 10 attachments).</summary>
    public const int MaxFiles = 10;

    /// <summary>One sentence naming the broken limit, or null when the message is valid.</summary>
    public static string? Check(MessagePayload message)
    {
        var components = message.Components ?? [];
        if (string.IsNullOrEmpty(message.Content) && components.Count == 0 && message.Files.Count == 0)
            return "a message needs content, components or files";
        if (message.Files.Count > MaxFiles)
            return $"{message.Files.Count} files (at most {MaxFiles})";
        if (message.Files.Sum(f => (long)f.Content.Length) > MaxUploadBytes)
            return $"files of {message.Files.Sum(f => (long)f.Content.Length)} bytes (at most {MaxUploadBytes})";
        if (message.Content is { Length: > 2000 })
            return $"content is {message.Content.Length} characters (at most 2,000)";
        if (components.Count > 5)
            return $"{components.Count} action rows (at most 5)";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in components)
        {
            var children = row.Components ?? [];
            if (row.Type != ComponentType.ActionRow || children.Count is 0 or > 5)
                return "each top-level component must be an action row of 1 to 5 components";
            if (children.Count > 1 && children.Any(c => c.Type != ComponentType.Button))
                return "a select must be alone in its action row";
            foreach (var c in children)
            {
                if (c.CustomId is { } id && (id.Length is 0 or > 100 || !ids.Add(id)))
                    return $"custom_id \"{id}\" must be 1 to 100 characters and unique in the message";
                if (c.Type == ComponentType.Button && c.Label is { Length: > 80 })
                    return "a button label is longer than 80 characters";
                if (c.Type == ComponentType.StringSelect && (c.Options is not { Count: >= 1 and <= 25 } options
                    || c.MaxValues > options.Count || c.MinValues > c.MaxValues
                    || options.Any(o => o.Label.Length is 0 or > 100 || o.Value.Length is 0 or > 100)))
                    return "a select needs 1 to 25 options with labels and values of 1 to 100 characters and max_values within them";
            }
        }
        return null;
    }

    /// <summary>A modal response: custom_id 1–100 characters, title 1–45, 1–5 top-level components,
    /// labels ≤ 45 (DAD interactions/receiving-and-responding.mdx "Modal"; components/reference.mdx "Label").</summary>
    public static string? CheckModal(InteractionCallbackData? modal)
    {
        if (modal is null)
            return "a modal needs data";
        if (modal.CustomId is not { Length: >= 1 and <= 100 })
            return "a modal's custom_id must be 1 to 100 characters";
        if (modal.Title is not { Length: >= 1 and <= 45 })
            return "a modal's title must be 1 to 45 characters";
        if (modal.Components is not { Count: >= 1 and <= 5 } components)
            return "a modal needs 1 to 5 components";
        if (components.Any(c => c.Label is { Length: > 45 } || c.Child?.Label is { Length: > 45 }))
            return "a modal label is longer than 45 characters";
        return null;
    }
}
