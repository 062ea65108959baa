using Cl37.Bot.Chat;
using Microsoft.Extensions.DependencyInjection;

namespace Cl37.Bot.Tests.Fakes;

/// <summary>Sends commands and answers the way every platform does: through the inbound pipeline,
/// with its limits and failure replies.</summary>
public sealed class InboundDriver(InboundPipeline pipeline)
{
    public async Task<OutgoingMessage> DispatchTextAsync(string text, ChannelRef channel, ChatUser user, CancellationToken cancellationToken) =>
        (await pipeline.RunAsync(new TypedCommand(channel, user, text), cancellationToken)).Reply ?? throw new InvalidOperationException("A command always has a reply.");

    public async Task<OutgoingMessage> AnswerAsync(AnswerAction action, CancellationToken cancellationToken) =>
        (await pipeline.RunAsync(action, cancellationToken)).Reply ?? throw new InvalidOperationException("An answer always has a reply.");
}

public static class InboundDriverExtensions
{
    public static InboundDriver Inbound(this IServiceProvider services) => new(services.GetRequiredService<InboundPipeline>());
}

public static class InboundPipelineExtensions
{
    public static InboundDriver Driver(this InboundPipeline pipeline) => new(pipeline);
}
