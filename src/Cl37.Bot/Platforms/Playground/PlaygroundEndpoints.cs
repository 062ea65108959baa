using System.Runtime.CompilerServices;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Playground.Wire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Playground;

/// <summary>The playground's HTTP API. Private replies travel only in the response to the request
/// of the person who caused them; public messages go through the platform to every open tab.</summary>
internal static class PlaygroundEndpoints
{
    public const int MaxAnswerValues = 26;
    public const int MaxAnswerLength = 500;

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/playground/api");
        api.MapGet("/config", GetConfig);
        api.MapGet("/commands", GetCommands);
        api.MapGet("/messages", GetMessages);
        api.MapGet("/events", GetEvents);
        api.MapPost("/commands", PostCommand);
        api.MapPost("/answers", PostAnswer);
    }

    public static IResult Error(int status, string message) =>
        TypedResults.Json(new ErrorResponse(message), PlaygroundJsonContext.Default.ErrorResponse, statusCode: status);

    private static JsonHttpResult<ConfigDto> GetConfig(IOptions<PlaygroundOptions> options) =>
        TypedResults.Json(
            new ConfigDto(options.Value.Room, options.Value.EffectiveChannels, options.Value.AllowAdminSwitch, PlaygroundPeople.MaxNameLength, CommandTextParser.MaxLength),
            PlaygroundJsonContext.Default.ConfigDto);

    private static JsonHttpResult<IReadOnlyList<CommandDto>> GetCommands() =>
        TypedResults.Json(PlaygroundMessageMapper.Catalog(CommandCatalog.All), PlaygroundJsonContext.Default.IReadOnlyListCommandDto);

    private static IResult GetMessages(string? channel, IOptions<PlaygroundOptions> options, [FromServices] PlaygroundChatPlatform platform)
    {
        var (channelRef, error) = ResolveChannel(channel, options.Value);
        if (error is not null)
            return error;
        var messages = platform.History(channelRef!).Select(PlaygroundMessageMapper.ToDto).ToList();
        return TypedResults.Json(new HistoryDto(channelRef!.ChannelId, messages), PlaygroundJsonContext.Default.HistoryDto);
    }

    private static IResult GetEvents(
        string? channel,
        HttpContext context,
        IOptions<PlaygroundOptions> options,
        [FromServices] PlaygroundChatPlatform platform,
        IHostApplicationLifetime lifetime)
    {
        var (channelRef, error) = ResolveChannel(channel, options.Value);
        if (error is not null)
            return error;
        return TypedResults.ServerSentEvents(Listen(platform, channelRef!, context.RequestAborted, lifetime.ApplicationStopping));
    }

    private static async IAsyncEnumerable<System.Net.ServerSentEvents.SseItem<string>> Listen(
        PlaygroundChatPlatform platform,
        ChannelRef channel,
        [EnumeratorCancellation] CancellationToken requestAborted,
        CancellationToken stopping)
    {
        // Open streams would otherwise hold the host's shutdown until its timeout.
        using var both = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, stopping);
        await foreach (var item in platform.ListenAsync(channel, both.Token))
            yield return item;
    }

    private static async Task<IResult> PostCommand(
        HttpContext context,
        IOptions<PlaygroundOptions> options,
        [FromServices] PlaygroundChatPlatform platform,
        [FromServices] CommandDispatcher dispatcher,
        TimeProvider time)
    {
        var (request, readError) = await PlaygroundRequestReader.ReadAsync(context, PlaygroundJsonContext.Default.CommandRequest, options.Value.MaxRequestBytes);
        if (readError is not null)
            return readError;
        var (channel, channelError) = ResolveChannel(request!.Channel, options.Value);
        if (channelError is not null)
            return channelError;
        var (user, personError) = PlaygroundPeople.Resolve(request.Person, options.Value.AllowAdminSwitch);
        if (personError is not null)
            return Error(StatusCodes.Status400BadRequest, personError);
        if (string.IsNullOrWhiteSpace(request.Text))
            return Error(StatusCodes.Status400BadRequest, "`text` is missing: type a command such as /help.");

        var reply = await dispatcher.DispatchTextAsync(request.Text, channel!, user!, context.RequestAborted);
        return Deliver(platform, time, channel!, user!, reply, new InvocationDto(user!.DisplayName, Trimmed(request.Text)));
    }

    private static async Task<IResult> PostAnswer(
        HttpContext context,
        IOptions<PlaygroundOptions> options,
        [FromServices] PlaygroundChatPlatform platform,
        [FromServices] CommandDispatcher dispatcher,
        TimeProvider time)
    {
        var (request, readError) = await PlaygroundRequestReader.ReadAsync(context, PlaygroundJsonContext.Default.AnswerRequest, options.Value.MaxRequestBytes);
        if (readError is not null)
            return readError;
        var (channel, channelError) = ResolveChannel(request!.Channel, options.Value);
        if (channelError is not null)
            return channelError;
        var (user, personError) = PlaygroundPeople.Resolve(request.Person, options.Value.AllowAdminSwitch);
        if (personError is not null)
            return Error(StatusCodes.Status400BadRequest, personError);
        if (request.PostId is not { } postId || postId <= 0)
            return Error(StatusCodes.Status400BadRequest, "`postId` is missing: say which question you answer.");
        if (request.Values is not { Count: > 0 } values || values.Any(string.IsNullOrWhiteSpace))
            return Error(StatusCodes.Status400BadRequest, "`values` is missing: send the option keys you picked, or the text you typed.");
        if (values.Count > MaxAnswerValues)
            return Error(StatusCodes.Status400BadRequest, $"`values` has {values.Count} entries; at most {MaxAnswerValues}.");
        if (values.Any(v => v!.Length > MaxAnswerLength))
            return Error(StatusCodes.Status400BadRequest, $"An answer is too long; at most {MaxAnswerLength} characters.");

        var action = new AnswerAction(channel!, user!, postId, [.. values.Select(v => v!.Trim())]);
        var reply = await dispatcher.AnswerAsync(action, context.RequestAborted);
        return Deliver(platform, time, channel!, user!, reply, new InvocationDto(user!.DisplayName, null));
    }

    private static JsonHttpResult<ReplyResponse> Deliver(PlaygroundChatPlatform platform, TimeProvider time, ChannelRef channel, ChatUser user, OutgoingMessage reply, InvocationDto invokedBy)
    {
        if (reply.Private)
        {
            var dto = PlaygroundMessageMapper.ToDto(reply, null, 1, time.GetUtcNow(), null);
            return TypedResults.Json(new ReplyResponse(dto, null, user.Id), PlaygroundJsonContext.Default.ReplyResponse);
        }
        var id = platform.Post(channel, reply, invokedBy);
        return TypedResults.Json(new ReplyResponse(null, id, user.Id), PlaygroundJsonContext.Default.ReplyResponse);
    }

    private static string Trimmed(string text)
    {
        var t = text.Trim();
        return t.Length <= 200 ? t : t[..200] + "…";
    }

    private static (ChannelRef? Channel, IResult? Error) ResolveChannel(string? channel, PlaygroundOptions options)
    {
        var name = string.IsNullOrWhiteSpace(channel) ? options.EffectiveChannels[0] : channel;
        if (!options.EffectiveChannels.Contains(name, StringComparer.Ordinal))
            return (null, Error(StatusCodes.Status400BadRequest, $"There is no channel `{CommandTextParser.Shorten(name)}`; the channels are {string.Join(", ", options.EffectiveChannels)}."));
        return (new ChannelRef(PlaygroundChatPlatform.PlatformName, options.Room, name), null);
    }
}
