using System.Globalization;
using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Kernel;
using Cl37.Bot.Platforms.Discord.Outgoing;
using Cl37.Bot.Platforms.Discord.Rendering;
using Cl37.Bot.Platforms.Discord.Wire;

namespace Cl37.Bot.Platforms.Discord.Incoming;

/// <summary>Interactions from the gateway and from the HTTP endpoint: translate to the chat port,
/// run it through the inbound pipeline, translate the reply back. Work that outlasts
/// <see cref="DiscordOptions.DeferAfterSeconds"/> (the pipeline's deadline for Discord) is deferred (type 5, ephemeral) so Discord's 3 s
/// deadline holds, and its result follows through the webhook.</summary>
internal sealed class DiscordInteractionHandler(
    InboundPipeline pipeline,
    DiscordRestClient rest,
    CommandCatalog catalog,
    DiscordMetrics metrics,
    DiscordAttachmentReader attachments,
    ILogger<DiscordInteractionHandler> logger)
{
    private const ulong ManageGuild = 0x20;
    private const ulong Administrator = 0x8;

    private string FallbackText => pipeline.Say(new ChatNotice.ReplyNotShown());

    /// <summary>The reply to a request that failed before it reached the pipeline.</summary>
    public InteractionOutcome Unexpected() => Reply(OutgoingMessage.PrivateText(pipeline.Say(new ChatNotice.Unexpected())));

    public async Task<InteractionOutcome> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var outcome = Checked(await RouteAsync(interaction, cancellationToken));
        metrics.Interaction(interaction.Type);
        return outcome;
    }

    /// <summary>What follows the first response, once Discord has it: the remaining parts of a long
    /// reply, or the deferred work's result.</summary>
    public async Task FinishAsync(Interaction interaction, InteractionOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Deferred is { } deferred)
        {
            await CompleteDeferredAsync(interaction, deferred, cancellationToken);
            return;
        }
        var sent = 0;
        try
        {
            foreach (var part in outcome.Followups)
            {
                await rest.FollowupAsync(interaction.ApplicationId, interaction.Token, part, cancellationToken);
                sent++;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not send the rest of the reply to interaction {InteractionId}", interaction.Id);
            // The initial response was part 1; the first follow-up not sent is part sent + 2.
            var count = outcome.Followups.Count + 1;
            await MissingPartsAsync(interaction, sent + 2, count, outcome.Followups[0].Flags == MessageFlags.Ephemeral, cancellationToken);
        }
    }

    private async Task MissingPartsAsync(Interaction interaction, int firstMissing, int count, bool ephemeral, CancellationToken cancellationToken)
    {
        try
        {
            await rest.FollowupAsync(interaction.ApplicationId, interaction.Token, DiscordMessageRenderer.MissingParts(firstMissing, count, ephemeral), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Could not say that parts {First}–{Count} of the reply to interaction {InteractionId} are missing either: {Error}", firstMissing, count, interaction.Id, ex.Message);
        }
    }

    /// <summary>Delivers a deferred result: edits the deferred (ephemeral) response; a public
    /// result is then posted as a follow-up so the channel sees it. When Discord refuses the result,
    /// the person is told so in the deferred response instead of waiting on "thinking…" until
    /// Discord says the interaction failed.</summary>
    public async Task CompleteDeferredAsync(Interaction interaction, Task<OutgoingMessage?> work, CancellationToken cancellationToken)
    {
        var reply = await work ?? OutgoingMessage.PrivateText(pipeline.Say(new ChatNotice.Unexpected()));
        var parts = DiscordMessageRenderer.Render(reply, ephemeral: reply.Private);
        var edited = false;
        var shown = 0;
        try
        {
            if (reply.Private)
            {
                await rest.EditOriginalAsync(interaction.ApplicationId, interaction.Token, WithoutFlags(parts[0]), cancellationToken);
                edited = true;
                shown = 1;
            }
            else
            {
                await rest.EditOriginalAsync(interaction.ApplicationId, interaction.Token, DiscordMessageRenderer.Render(OutgoingMessage.PrivateText(pipeline.Say(new ChatNotice.Done())))[0], cancellationToken);
                edited = true;
            }
            foreach (var part in parts.Skip(shown))
            {
                await rest.FollowupAsync(interaction.ApplicationId, interaction.Token, part, cancellationToken);
                shown++;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not deliver the deferred reply to interaction {InteractionId}", interaction.Id);
            if (shown > 0)
                await MissingPartsAsync(interaction, shown + 1, parts.Count, reply.Private, cancellationToken);
            else
                await FallbackAsync(interaction, edited, cancellationToken);
        }
    }

    /// <summary>The initial response Discord refused (400): a plain ephemeral text in its place, so
    /// the person reads what happened instead of "This interaction failed". A refused modal is first
    /// offered again in the legacy shape (an action row around the text input), which every
    /// Discord-compatible server accepts.</summary>
    public InteractionResponse? Fallback(InteractionResponse refused)
    {
        if (refused is { Type: InteractionCallbackType.Modal, Data: { CustomId: { } id, Components: [{ Type: ComponentType.Label }] } }
            && DiscordCustomIds.TryParse(id, out _, out var postId, out _))
            return new InteractionResponse { Type = InteractionCallbackType.Modal, Data = DiscordMessageRenderer.LegacyAnswerModal(postId) };
        // Retrying later never helps where a server refuses modals: the answer goes in by command instead.
        if (refused.Type == InteractionCallbackType.Modal && catalog.TypedAnswerCommand() is { } command)
            return Reply(OutgoingMessage.PrivateText(pipeline.Say(new ChatNotice.AnswerBoxRefused(command.Form, command.Example)))).Initial;
        return refused.Data?.Content == FallbackText
            ? null
            : Reply(OutgoingMessage.PrivateText(FallbackText)).Initial;
    }

    private async Task FallbackAsync(Interaction interaction, bool edited, CancellationToken cancellationToken)
    {
        var message = DiscordMessageRenderer.Render(OutgoingMessage.PrivateText(FallbackText), ephemeral: true)[0];
        try
        {
            if (edited)
                await rest.FollowupAsync(interaction.ApplicationId, interaction.Token, message, cancellationToken);
            else
                await rest.EditOriginalAsync(interaction.ApplicationId, interaction.Token, WithoutFlags(message), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("The fallback reply to interaction {InteractionId} failed too: {Error}", interaction.Id, ex.Message);
        }
    }

    // Editing a response cannot change whether it is ephemeral (DAD receiving-and-responding.mdx
    // "Edit Original Interaction Response" takes no ephemeral flag).
    private static MessagePayload WithoutFlags(MessagePayload payload) =>
        new() { Content = payload.Content, Components = payload.Components, AllowedMentions = payload.AllowedMentions, Files = payload.Files, Attachments = payload.Attachments };

    /// <summary>A response that breaks a documented limit would be refused by Discord and shown as a
    /// failed interaction; it is replaced before it is sent.</summary>
    private InteractionOutcome Checked(InteractionOutcome outcome)
    {
        var initial = outcome.Initial;
        var problem = initial.Type switch
        {
            InteractionCallbackType.Modal => DiscordPayloadRules.CheckModal(initial.Data),
            InteractionCallbackType.ChannelMessageWithSource when initial.Data is { } data => DiscordPayloadRules.Check(new MessagePayload { Content = data.Content, Components = data.Components }),
            _ => null,
        };
        if (problem is null)
            return outcome;
        logger.LogError("Interaction response of type {Type} not sent: {Problem}", initial.Type, problem);
        return Reply(OutgoingMessage.PrivateText(FallbackText));
    }

    private async Task<InteractionOutcome> RouteAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        switch (interaction.Type)
        {
            case InteractionType.Ping:
                return new(new InteractionResponse { Type = InteractionCallbackType.Pong });
            case InteractionType.ApplicationCommand when interaction.Data is { } data && ToCommand(interaction, data, attachments.FileOf) is { } command:
                return await RunAsync(command, cancellationToken);
            case InteractionType.MessageComponent when interaction.Data is { } data && DiscordCustomIds.TryParse(data.CustomId, out var kind, out var postId, out var key):
                if (kind == CustomIdKind.OpenModal)
                    return new(new InteractionResponse { Type = InteractionCallbackType.Modal, Data = DiscordMessageRenderer.AnswerModal(postId) });
                IReadOnlyList<string?>? values = kind switch
                {
                    CustomIdKind.Answer => new string?[] { key },
                    CustomIdKind.Select => data.Values,
                    _ => null,
                };
                if (values is null)
                    break;
                return await RunAsync(new AnswerAction(Channel(interaction), User(interaction), postId, values!, interaction.Id), cancellationToken);
            case InteractionType.ApplicationCommandAutocomplete:
                return new(new InteractionResponse { Type = InteractionCallbackType.ApplicationCommandAutocompleteResult, Data = new InteractionCallbackData { Choices = [] } });
            case InteractionType.ModalSubmit when interaction.Data is { } data && DiscordCustomIds.TryParse(data.CustomId, out var modalKind, out var modalPost, out _) && modalKind == CustomIdKind.Modal:
                var text = FindInput(data.Components, DiscordCustomIds.AnswerInput)?.Trim();
                if (string.IsNullOrEmpty(text))
                    return Reply(OutgoingMessage.PrivateText(pipeline.Say(new ChatNotice.EmptyTypedAnswer())));
                return await RunAsync(new AnswerAction(Channel(interaction), User(interaction), modalPost, [text], interaction.Id), cancellationToken);
        }
        logger.LogInformation("Ignoring interaction {InteractionId} of type {Type} with custom id {CustomId}", interaction.Id, interaction.Type, interaction.Data?.CustomId);
        return Reply(OutgoingMessage.PrivateText(pipeline.Say(new ChatNotice.ControlInactive())));
    }

    private async Task<InteractionOutcome> RunAsync(Inbound request, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.RunAsync(request, cancellationToken);
        return outcome.Later is { } later
            ? new(new InteractionResponse { Type = InteractionCallbackType.DeferredChannelMessageWithSource, Data = new InteractionCallbackData { Flags = MessageFlags.Ephemeral } }, later)
            : Reply(outcome.Reply ?? OutgoingMessage.PrivateText(pipeline.Say(new ChatNotice.Unexpected())));
    }

    internal static InteractionOutcome Reply(OutgoingMessage message)
    {
        var parts = DiscordMessageRenderer.Render(message, ephemeral: message.Private);
        // The first response is plain JSON; files on it follow at once as a follow-up of their own.
        var (first, files) = DiscordMessageRenderer.SplitFiles(parts[0]);
        var followups = parts.Skip(1).ToList();
        if (files is not null)
            followups.Insert(0, files);
        return new(new InteractionResponse { Type = InteractionCallbackType.ChannelMessageWithSource, Data = DiscordMessageRenderer.CallbackData(first, message.Private) }) { Followups = followups };
    }

    /// <summary>Walks sub-command groups and sub-commands (DAD interactions/application-commands.mdx
    /// "Subcommands and Subcommand Groups"): a group <c>schedule</c> with <c>set</c> is the catalog's
    /// sub-command <c>"schedule set"</c>.</summary>
    /// <param name="fileOf">Turns an attachment option's file into the port's incoming file; without it such options carry only the attachment id.</param>
    internal static ChatCommand? ToCommand(Interaction interaction, InteractionData data, Func<ResolvedAttachment, IncomingFile>? fileOf = null)
    {
        if (string.IsNullOrEmpty(data.Name))
            return null;
        string? sub = null;
        var options = data.Options ?? [];
        if (options is [{ Type: ApplicationCommandOptionType.SubCommandGroup } group])
        {
            if (group.Options is not [{ Type: ApplicationCommandOptionType.SubCommand } inner])
                return null;
            sub = group.Name + " " + inner.Name;
            options = inner.Options ?? [];
        }
        else if (options is [{ Type: ApplicationCommandOptionType.SubCommand } single])
        {
            sub = single.Name;
            options = single.Options ?? [];
        }
        var args = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var files = new Dictionary<string, IncomingFile>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in options)
        {
            // A signed payload can still be malformed (a proxy, a bug, a future field shape): a null option or one without a name is skipped.
            if (o is not { Name: { Length: > 0 } name, Value: { } value } || Invariant(value) is not { } text)
                continue;
            args[name] = text;
            if (o.Type == ApplicationCommandOptionType.Attachment && fileOf is not null
                && data.Resolved?.Attachments?.GetValueOrDefault(text) is { Filename.Length: > 0 } attachment)
            {
                files[name] = fileOf(attachment);
                args[name] = attachment.Filename;
            }
        }
        return new ChatCommand(Channel(interaction), User(interaction), data.Name, sub, args) { Syntax = CommandSyntax.Picker, Files = files };
    }

    private static string? Invariant(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var l) ? l.ToString(CultureInfo.InvariantCulture) : value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    internal static ChannelRef Channel(Interaction interaction) =>
        new("discord", interaction.GuildId ?? "dm", interaction.ChannelId ?? "");

    /// <summary>Manage Server or Administrator in <c>member.permissions</c> (DAD topics/permissions.mdx);
    /// outside a guild nobody is a platform admin.</summary>
    internal static ChatUser User(Interaction interaction)
    {
        var user = interaction.Member?.User ?? interaction.User;
        var id = user?.Id ?? "";
        var name = interaction.Member?.Nick ?? user?.GlobalName ?? user?.Username ?? id;
        var admin = interaction.Member?.Permissions is { } p
            && ulong.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            && (bits & (ManageGuild | Administrator)) != 0;
        return new ChatUser(id, name, admin) { AdminRule = AdminRule.ManageServer };
    }

    /// <summary>Finds a text input in a modal submission in both shapes: Label (type 18) with
    /// <c>component</c>, and the legacy action row (type 1) with <c>components</c>.</summary>
    internal static string? FindInput(List<SubmittedComponent>? components, string customId)
    {
        if (components is null)
            return null;
        foreach (var c in components)
        {
            // JSON allows null entries; Discord never sends them, a forged body may.
            if (c is null)
                continue;
            if (c.CustomId == customId && c.Value is not null)
                return c.Value;
            if (c.Component is { } child && FindInput([child], customId) is { } nested)
                return nested;
            if (FindInput(c.Components, customId) is { } inRow)
                return inRow;
        }
        return null;
    }
}
