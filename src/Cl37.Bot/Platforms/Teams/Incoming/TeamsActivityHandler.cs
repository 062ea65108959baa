using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Kernel;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Platforms.Teams.Incoming;

/// <summary>Routes one inbound activity (botbuilder's ActivityHandler / TeamsActivityHandler) to
/// the role that handles it: messages to <see cref="TeamsMessageHandler"/>, card actions to
/// <see cref="TeamsCardActions"/>, file consents to <see cref="TeamsFileUpload"/>, installs and
/// removals to <see cref="TeamsInstalls"/> and the hello to <see cref="TeamsWelcome"/>.</summary>
internal sealed class TeamsActivityHandler
{
    public const string AdaptiveCardAction = "adaptiveCard/action";

    /// <summary>The pipeline's deadline for Teams: an invoke is answered in its HTTP response, and
    /// Teams expects that within about 15 s (teams-protocol.md, "Timing").</summary>
    public static readonly TimeSpan InvokeDeadline = TimeSpan.FromSeconds(10);

    private readonly TeamsMessageHandler _messages;
    private readonly TeamsCardActions _cardActions;
    private readonly TeamsInstalls _installs;
    private readonly TeamsWelcome _welcome;
    private readonly TeamsFileUpload _files;
    private readonly TeamsMetrics _metrics;
    private readonly ILogger _logger;

    public TeamsActivityHandler(
        InboundPipeline pipeline,
        ITeamsConversationStore store,
        TeamsConnectorClient connector,
        TeamsRoster roster,
        TeamsAnswerers answerers,
        TeamsPersonalChats personalChats,
        TeamsReferenceCache savedReferences,
        TeamsFileUpload files,
        TeamsMetrics metrics,
        CommandCatalog catalog,
        ILogger<TeamsActivityHandler> logger)
    {
        var replies = new TeamsReplies(connector, personalChats, files, pipeline, logger);
        _messages = new TeamsMessageHandler(pipeline, replies, roster, catalog);
        _cardActions = new TeamsCardActions(pipeline, answerers, replies);
        _installs = new TeamsInstalls(store, savedReferences, logger);
        _welcome = new TeamsWelcome(connector, pipeline, logger);
        _files = files;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Handles a non-invoke activity (message, conversationUpdate, installationUpdate).</summary>
    public async Task HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        _metrics.Activity(activity.Type ?? "unknown");
        switch (activity.Type)
        {
            case "message":
                await _installs.RememberAsync(activity, cancellationToken);
                await _messages.HandleAsync(activity, cancellationToken);
                break;
            case "installationUpdate":
                if (activity.Action?.StartsWith("add", StringComparison.OrdinalIgnoreCase) == true)
                    await _installs.AddedAsync(activity, cancellationToken);
                else if (string.Equals(activity.Action, "remove", StringComparison.OrdinalIgnoreCase))
                    await _installs.RemovedAsync(activity, cancellationToken);
                break;
            case "conversationUpdate":
                await OnConversationUpdateAsync(activity, cancellationToken);
                break;
            default:
                _logger.LogDebug("Ignored a Teams {Type} activity", activity.Type);
                break;
        }
    }

    /// <summary>Handles an invoke and returns what the HTTP response carries.</summary>
    public async Task<TeamsInvokeResult> HandleInvokeAsync(Activity activity, CancellationToken cancellationToken)
    {
        _metrics.Activity("invoke");
        if (string.Equals(activity.Name, TeamsFileUpload.InvokeName, StringComparison.Ordinal))
        {
            await _files.HandleAsync(activity, cancellationToken);
            return TeamsInvokeResult.Ok;
        }
        if (!string.Equals(activity.Name, AdaptiveCardAction, StringComparison.Ordinal))
            return TeamsInvokeResult.NotImplemented;
        await _installs.RememberAsync(activity, cancellationToken);
        return await _cardActions.HandleAsync(activity, cancellationToken);
    }

    private async Task OnConversationUpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        var botId = activity.Recipient?.Id;
        // Member lists come off the wire: a forged one may hold null entries, which are skipped.
        bool IsBot(ChannelAccount? m) => botId is not null && m is not null && string.Equals(m.Id, botId, StringComparison.OrdinalIgnoreCase);
        if (activity.ChannelData?.EventType is "channelDeleted")
            await _installs.ForgetAsync(activity, cancellationToken);
        else if (activity.MembersRemoved?.Any(IsBot) == true || activity.ChannelData?.EventType is "teamDeleted")
            await _installs.RemovedAsync(activity, cancellationToken);
        else if (activity.MembersAdded?.Any(IsBot) == true)
        {
            await _installs.AddedAsync(activity, cancellationToken);
            await _welcome.SendAsync(activity, cancellationToken);
        }
    }
}
