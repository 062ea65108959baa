using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Playground.Kernel;
using Cl37.Bot.Platforms.Playground.Outgoing;
using Cl37.Bot.Platforms.Playground.Rendering;
using Cl37.Bot.Platforms.Playground.Wire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Playground.Incoming;

/// <summary>The playground's HTTP API. Private replies travel only in the response to the request
/// of the person who caused them; public messages go through the platform to every open tab.</summary>
internal static class PlaygroundEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/playground/api");
        api.MapPost("/access", PostAccess);
        var keyed = api.MapGroup("").AddEndpointFilter(RequireKey);
        keyed.MapGet("/config", GetConfig);
        keyed.MapGet("/commands", GetCommands);
        keyed.MapGet("/messages", GetMessages);
        keyed.MapGet("/events", GetEvents);
        keyed.MapPost("/commands", PostCommand);
        keyed.MapPost("/commands/file", PostCommandWithFile);
        keyed.MapPost("/answers", PostAnswer);
    }

    private static async ValueTask<object?> RequireKey(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var access = context.RequestServices.GetRequiredService<PlaygroundAccess>();
        if (!access.KeyRequired || access.HasSession(context.Request))
            return await next(invocation);
        var offered = PlaygroundAccess.OfferedKey(context.Request);
        if (offered is null)
            return Error(StatusCodes.Status401Unauthorized, "This playground needs its access key: open the page and type the key you were given.");
        var guard = context.RequestServices.GetRequiredService<PlaygroundKeyGuard>();
        if (Refused(context, guard) is { } refused)
            return refused;
        if (access.IsKey(offered))
            return await next(invocation);
        guard.Failed(context.Connection.RemoteIpAddress);
        return Error(StatusCodes.Status401Unauthorized, "This playground needs its access key: open the page and type the key you were given.");
    }

    // The refusal comes before the key is compared, so a right guess in a refused minute tells nothing.
    private static IResult? Refused(HttpContext context, PlaygroundKeyGuard guard)
    {
        if (guard.Refusal(context.Connection.RemoteIpAddress) is not { } wait)
            return null;
        context.Response.Headers.RetryAfter = PlaygroundKeyGuard.RetryAfterSeconds(wait);
        return Error(StatusCodes.Status429TooManyRequests, "Too many wrong access keys from your address: wait a minute, then type the key again.");
    }

    // The page sends the key once and gets a session cookie for it, which EventSource then sends too (it cannot set headers).
    private static async Task<IResult> PostAccess(
        HttpContext context,
        IOptions<PlaygroundOptions> options,
        [FromServices] PlaygroundAccess access,
        [FromServices] PlaygroundKeyGuard guard)
    {
        var (request, readError) = await PlaygroundRequestReader.ReadAsync(context, PlaygroundJsonContext.Default.AccessRequest, options.Value.MaxRequestBytes);
        if (readError is not null)
            return readError;
        if (!access.KeyRequired)
            return TypedResults.NoContent();
        if (Refused(context, guard) is { } refused)
            return refused;
        if (!access.IsKey(request!.Key))
        {
            guard.Failed(context.Connection.RemoteIpAddress);
            return Error(StatusCodes.Status401Unauthorized, "That is not the access key of this playground.");
        }
        var (value, expires) = access.OpenSession();
        context.Response.Cookies.Append(PlaygroundAccess.CookieName, value, new CookieOptions
        {
            Path = "/playground",
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            // Behind a TLS proxy this is true only when Proxy:KnownProxies lets the app believe X-Forwarded-Proto.
            Secure = context.Request.IsHttps,
            Expires = expires,
        });
        return TypedResults.NoContent();
    }

    public static IResult Error(int status, string message) =>
        TypedResults.Json(new ErrorResponse(message), PlaygroundJsonContext.Default.ErrorResponse, statusCode: status);

    private static JsonHttpResult<ConfigDto> GetConfig(IOptions<PlaygroundOptions> options) =>
        TypedResults.Json(
            new ConfigDto(options.Value.Room, options.Value.EffectiveChannels, options.Value.AllowAdminSwitch, PlaygroundPeople.MaxNameLength, CommandTextParser.MaxLength),
            PlaygroundJsonContext.Default.ConfigDto);

    private static JsonHttpResult<IReadOnlyList<CommandDto>> GetCommands([FromServices] CommandCatalog catalog) =>
        TypedResults.Json(PlaygroundMessageMapper.Catalog(catalog.All), PlaygroundJsonContext.Default.IReadOnlyListCommandDto);

    private static IResult GetMessages(string? channel, IOptions<PlaygroundOptions> options, [FromServices] PlaygroundChatPlatform platform)
    {
        var (channelRef, error) = ResolveChannel(channel, options.Value);
        if (error is not null)
            return error;
        return TypedResults.Bytes(platform.HistoryJson(channelRef!), "application/json; charset=utf-8");
    }

    private static IResult GetEvents(
        string? channel,
        HttpContext context,
        IOptions<PlaygroundOptions> options,
        [FromServices] PlaygroundChatPlatform platform,
        [FromServices] PlaygroundStreams streams,
        IHostApplicationLifetime lifetime,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        var (channelRef, error) = ResolveChannel(channel, options.Value);
        if (error is not null)
            return error;
        var (slot, refusal) = streams.TryOpen(context.Connection.RemoteIpAddress);
        if (refusal is not null)
        {
            context.Response.Headers.RetryAfter = "30";
            return Error(StatusCodes.Status429TooManyRequests, refusal);
        }
        return new PlaygroundStreamResult(
            Listen(platform, channelRef!, context.RequestAborted, lifetime.ApplicationStopping),
            slot!,
            TimeSpan.FromSeconds(options.Value.StreamWriteTimeoutSeconds),
            time,
            loggers.CreateLogger("Cl37.Bot.Playground"));
    }

    private static async IAsyncEnumerable<PlaygroundFrame> Listen(
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

    private static Task<IResult> PostCommand(HttpContext context, IOptions<PlaygroundOptions> options, [FromServices] PlaygroundChatPlatform platform,
        [FromServices] InboundPipeline pipeline, [FromServices] AdminPolicy admins, TimeProvider time) =>
        RunAsync(context, options.Value, options.Value.MaxRequestBytes, platform, pipeline, admins, time, PlaygroundJsonContext.Default.CommandRequest, r => r.Channel, r => r.Person,
            (request, channel, user) => string.IsNullOrWhiteSpace(request.Text)
                ? (null, Error(StatusCodes.Status400BadRequest, "`text` is missing: type a command such as /help."))
                : (new TypedCommand(channel, user, request.Text), null),
            request => Trimmed(request.Text!));

    // The file's bytes are in the request, so the command runs on them at once; the bot holds them to its own limit.
    private static Task<IResult> PostCommandWithFile(HttpContext context, IOptions<PlaygroundOptions> options, [FromServices] PlaygroundChatPlatform platform,
        [FromServices] InboundPipeline pipeline, [FromServices] AdminPolicy admins, TimeProvider time) =>
        RunAsync(context, options.Value, options.Value.MaxUploadBytes, platform, pipeline, admins, time, PlaygroundJsonContext.Default.CommandRequest, r => r.Channel, r => r.Person,
            (request, channel, user) =>
            {
                if (string.IsNullOrWhiteSpace(request.Text))
                    return (null, Error(StatusCodes.Status400BadRequest, "`text` is missing: type the command the file is for, such as /quiz deck add."));
                if (request.File is not { Name: { Length: > 0 } name, ContentBase64: { } base64 } file)
                    return (null, Error(StatusCodes.Status400BadRequest, "`file` is missing: send its `name` and `contentBase64`."));
                var bytes = new byte[base64.Length / 4 * 3 + 3];
                if (!Convert.TryFromBase64String(base64, bytes, out var length))
                    return (null, Error(StatusCodes.Status400BadRequest, "`file.contentBase64` is not base64."));
                var upload = IncomingFile.FromBytes(Path.GetFileName(name.Replace('\\', '/')), file.MediaType, bytes[..length]);
                return (new TypedCommand(channel, user, request.Text) { Files = [upload] }, null);
            },
            request => Trimmed(request.Text!) + " 📎 " + Trimmed(request.File?.Name ?? ""));

    // The answer's values are held to AnswerCodec's limits by the pipeline, like every platform's.
    private static Task<IResult> PostAnswer(HttpContext context, IOptions<PlaygroundOptions> options, [FromServices] PlaygroundChatPlatform platform,
        [FromServices] InboundPipeline pipeline, [FromServices] AdminPolicy admins, TimeProvider time) =>
        RunAsync(context, options.Value, options.Value.MaxRequestBytes, platform, pipeline, admins, time, PlaygroundJsonContext.Default.AnswerRequest, r => r.Channel, r => r.Person,
            (request, channel, user) => request.PostId is not { } postId || postId <= 0
                ? (null, Error(StatusCodes.Status400BadRequest, "`postId` is missing: say which question you answer."))
                : (new AnswerAction(channel, user, postId, (request.Values ?? [])!), null),
            _ => null);

    /// <summary>Reads the body, the channel and the person, builds the inbound request and delivers its reply.</summary>
    private static async Task<IResult> RunAsync<TRequest>(HttpContext context, PlaygroundOptions options, int maxBytes, PlaygroundChatPlatform platform,
        InboundPipeline pipeline, AdminPolicy admins, TimeProvider time, JsonTypeInfo<TRequest> body,
        Func<TRequest, string?> channelOf, Func<TRequest, PersonDto?> personOf,
        Func<TRequest, ChannelRef, ChatUser, (Inbound? Inbound, IResult? Error)> inbound, Func<TRequest, string?> invocation)
        where TRequest : class
    {
        var (request, readError) = await PlaygroundRequestReader.ReadAsync(context, body, maxBytes);
        if (readError is not null)
            return readError;
        var (channel, channelError) = ResolveChannel(channelOf(request!), options);
        if (channelError is not null)
            return channelError;
        var (user, personError) = ResolvePerson(personOf(request!), channel!, options, admins);
        if (personError is not null)
            return personError;
        var (built, error) = inbound(request!, channel!, user!);
        if (error is not null)
            return error;
        var reply = (await pipeline.RunAsync(built!, context.RequestAborted)).Reply;
        reply ??= OutgoingMessage.PrivateText(pipeline.Say(new ChatNotice.Unexpected()));
        return Deliver(platform, time, channel!, user!, reply, new InvocationDto(user!.DisplayName, invocation(request!)));
    }

    // A request that did not take effect says so in its status as well as in the reply, so a script
    // (or the page) can tell "not saved, try again" from success.
    private static JsonHttpResult<ReplyResponse> Deliver(PlaygroundChatPlatform platform, TimeProvider time, ChannelRef channel, ChatUser user, OutgoingMessage reply, InvocationDto invokedBy)
    {
        if (reply.Private)
        {
            var dto = PlaygroundMessageMapper.ToDto(reply, null, 1, time.GetUtcNow(), null);
            return TypedResults.Json(new ReplyResponse(dto, null, user.Id), PlaygroundJsonContext.Default.ReplyResponse,
                statusCode: reply.NotSaved ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        }
        var id = platform.Post(channel, reply, invokedBy);
        return TypedResults.Json(new ReplyResponse(null, id, user.Id), PlaygroundJsonContext.Default.ReplyResponse);
    }

    private static string Trimmed(string text)
    {
        var t = text.Trim();
        return t.Length <= 200 ? t : t[..200] + "…";
    }

    // Without the admin switch nobody is an admin here: a name is only typed, so a name listed in
    // Quiz:Admins would make anyone who types it an admin.
    private static (ChatUser? User, IResult? Error) ResolvePerson(PersonDto? person, ChannelRef channel, PlaygroundOptions options, AdminPolicy admins)
    {
        var (user, error) = PlaygroundPeople.Resolve(person, options.AllowAdminSwitch);
        if (error is not null)
            return (null, Error(StatusCodes.Status400BadRequest, error));
        if (!options.AllowAdminSwitch && admins.IsAdmin(channel, user!))
            return (null, Error(StatusCodes.Status403Forbidden, $"“{user!.DisplayName}” is the name of an admin, and nobody can act as an admin in this playground. Pick another name."));
        return (user, null);
    }

    private static (ChannelRef? Channel, IResult? Error) ResolveChannel(string? channel, PlaygroundOptions options)
    {
        var name = string.IsNullOrWhiteSpace(channel) ? options.EffectiveChannels[0] : channel;
        if (!options.EffectiveChannels.Contains(name, StringComparer.Ordinal))
            return (null, Error(StatusCodes.Status400BadRequest, $"There is no channel `{CommandTextParser.Shorten(name)}`; the channels are {string.Join(", ", options.EffectiveChannels)}."));
        return (new ChannelRef(PlaygroundChatPlatform.PlatformName, options.Room, name), null);
    }
}
