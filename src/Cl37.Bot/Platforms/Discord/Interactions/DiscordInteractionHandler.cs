using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Rest;
using Cl37.Bot.Platforms.Discord.Wire;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Discord.Interactions;

/// <summary>One pipeline for interactions from the gateway and from the HTTP endpoint: translate
/// to the chat port, call the dispatcher, translate the reply back. Work that outlasts
/// <see cref="DiscordOptions.DeferAfterSeconds"/> is deferred (type 5, ephemeral) so Discord's 3 s
/// deadline holds, and its result follows through the webhook.</summary>
internal sealed class DiscordInteractionHandler(
    IServiceScopeFactory scopes,
    DiscordRestClient rest,
    DiscordMetrics metrics,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordInteractionHandler> logger)
{
    public const int Pong = 1;
    public const int ChannelMessage = 4;
    public const int DeferredChannelMessage = 5;
    public const int AutocompleteResult = 8;
    public const int Modal = 9;
    private const ulong ManageGuild = 0x20;
    private const ulong Administrator = 0x8;

    public async Task<InteractionOutcome> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = await RouteAsync(interaction, cancellationToken);
        metrics.Interaction(interaction.Type, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return outcome;
    }

    /// <summary>Delivers a deferred result: edits the deferred (ephemeral) response; a public
    /// result is then posted as a follow-up so the channel sees it.</summary>
    public async Task CompleteDeferredAsync(Interaction interaction, Task<OutgoingMessage> work, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await work;
            if (reply.Private)
            {
                await rest.EditOriginalAsync(interaction.ApplicationId, interaction.Token, DiscordMessageRenderer.Render(reply), cancellationToken);
                return;
            }
            await rest.EditOriginalAsync(interaction.ApplicationId, interaction.Token, DiscordMessageRenderer.Render(OutgoingMessage.PrivateText("Done.")), cancellationToken);
            await rest.FollowupAsync(interaction.ApplicationId, interaction.Token, DiscordMessageRenderer.Render(reply), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not deliver the deferred reply to interaction {InteractionId}", interaction.Id);
        }
    }

    private async Task<InteractionOutcome> RouteAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        switch (interaction.Type)
        {
            case 1:
                return new(new InteractionResponse { Type = Pong });
            case 2 when interaction.Data is { } data && ToCommand(interaction, data) is { } command:
                return await RunAsync((d, ct) => d.DispatchAsync(command, ct), cancellationToken);
            case 3 when interaction.Data is { } data && DiscordCustomIds.TryParse(data.CustomId, out var kind, out var postId, out var key):
                if (kind == 'o')
                    return new(new InteractionResponse { Type = Modal, Data = DiscordMessageRenderer.AnswerModal(postId) });
                IReadOnlyList<string>? values = kind switch
                {
                    'a' => [key!],
                    's' when data.Values is { Count: > 0 } v && v.TrueForAll(x => x is not null) => v,
                    _ => null,
                };
                if (values is null)
                    break;
                var answer = new AnswerAction(Channel(interaction), User(interaction), postId, values, interaction.Id);
                return await RunAsync((d, ct) => d.AnswerAsync(answer, ct), cancellationToken);
            case 4:
                return new(new InteractionResponse { Type = AutocompleteResult, Data = new InteractionCallbackData { Choices = [] } });
            case 5 when interaction.Data is { } data && DiscordCustomIds.TryParse(data.CustomId, out var modalKind, out var modalPost, out _) && modalKind == 't':
                var text = FindInput(data.Components, DiscordCustomIds.AnswerInput)?.Trim();
                if (string.IsNullOrEmpty(text))
                    return Reply(OutgoingMessage.PrivateText("Type an answer before submitting."));
                var typed = new AnswerAction(Channel(interaction), User(interaction), modalPost, [text], interaction.Id);
                return await RunAsync((d, ct) => d.AnswerAsync(typed, ct), cancellationToken);
        }
        logger.LogInformation("Ignoring interaction {InteractionId} of type {Type} with custom id {CustomId}", interaction.Id, interaction.Type, interaction.Data?.CustomId);
        return Reply(OutgoingMessage.PrivateText("This control is no longer active."));
    }

    // The work starts on the thread pool so the deferral timer runs whatever the handler does before its first await.
    private async Task<InteractionOutcome> RunAsync(Func<CommandDispatcher, CancellationToken, Task<OutgoingMessage>> call, CancellationToken cancellationToken)
    {
        var work = Task.Run(() => WorkAsync(call), CancellationToken.None);
        try
        {
            return Reply(await work.WaitAsync(TimeSpan.FromSeconds(options.Value.DeferAfterSeconds), time, cancellationToken));
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            return new(new InteractionResponse { Type = DeferredChannelMessage, Data = new InteractionCallbackData { Flags = DiscordMessageRenderer.EphemeralFlag } }, work);
        }
    }

    private async Task<OutgoingMessage> WorkAsync(Func<CommandDispatcher, CancellationToken, Task<OutgoingMessage>> call)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var dispatcher = scope.ServiceProvider.GetRequiredService<CommandDispatcher>();
            return await call(dispatcher, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Interaction handling failed");
            return OutgoingMessage.PrivateText("Something went wrong; nothing was changed. Please try again.");
        }
    }

    private static InteractionOutcome Reply(OutgoingMessage message) =>
        new(new InteractionResponse { Type = ChannelMessage, Data = DiscordMessageRenderer.CallbackData(message) });

    /// <summary>Walks sub-command groups and sub-commands (DAD interactions/application-commands.mdx
    /// "Subcommands and Subcommand Groups"): a group <c>schedule</c> with <c>set</c> is the catalog's
    /// sub-command <c>"schedule set"</c>.</summary>
    internal static ChatCommand? ToCommand(Interaction interaction, InteractionData data)
    {
        if (string.IsNullOrEmpty(data.Name))
            return null;
        string? sub = null;
        var options = data.Options ?? [];
        if (options is [{ Type: 2 } group])
        {
            if (group.Options is not [{ Type: 1 } inner])
                return null;
            sub = group.Name + " " + inner.Name;
            options = inner.Options ?? [];
        }
        else if (options is [{ Type: 1 } single])
        {
            sub = single.Name;
            options = single.Options ?? [];
        }
        var args = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in options)
        {
            // A signed payload can still be malformed (a proxy, a bug, a future field shape): a null option or one without a name is skipped.
            if (o is { Name: { Length: > 0 } name, Value: { } value } && Invariant(value) is { } text)
                args[name] = text;
        }
        return new ChatCommand(Channel(interaction), User(interaction), data.Name, sub, args);
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
        return new ChatUser(id, name, admin);
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
