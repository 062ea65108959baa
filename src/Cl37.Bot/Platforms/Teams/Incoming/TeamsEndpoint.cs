using Cl37.Bot.Platforms.Teams.Kernel;
using Cl37.Bot.Platforms.Teams.Wire;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Teams.Incoming;

/// <summary><c>POST /api/messages</c> (botbuilder's CloudAdapter.ProcessAsync): read the activity,
/// authenticate it, answer invokes in the body and everything else with 200 at once, handing it to
/// <see cref="TeamsInbox"/> (503 when its conversation's lane is full).</summary>
internal static class TeamsEndpoint
{
    // Activities are a few KB; a card answer stays far below this.
    private const int MaxBodyBytes = 512 * 1024;

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        BotTokenValidator validator,
        TeamsInbox inbox,
        IOptions<TeamsOptions> options,
        CancellationToken cancellationToken)
    {
        Activity? activity;
        using (var body = await RequestBody.ReadAsync(context.Request, MaxBodyBytes, prefix: null, cancellationToken))
        {
            if (body.Status == BodyRead.TooLarge)
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            System.Text.Json.JsonException? notJson = null;
            activity = body.Status == BodyRead.Read ? body.Json(TeamsJsonContext.Default.Activity, out notJson) : null;
            if (body.Status != BodyRead.Read || notJson is not null)
                return Results.BadRequest("The body is not a Bot Framework activity (JSON).");
        }
        if (activity?.Type is null)
            return Results.BadRequest("The activity has no type.");

        var auth = await validator.ValidateAsync(context.Request.Headers.Authorization.ToString(), activity.ChannelId, activity.ServiceUrl, cancellationToken);
        if (auth.RetryAfter is { } retryAfter)
        {
            // RFC 9110 §10.2.3: Retry-After in seconds; the channel retries a 503 (rate-limit.md).
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        if (!auth.Succeeded)
            return Results.Unauthorized();
        if (options.Value.LocalMode && (!IsLoopback(activity.ServiceUrl) || (!options.Value.AllowLocalModeBeyondLoopback && !FromThisMachine(context))))
        {
            // Without an app id nobody is authenticated, so only a local client (the Test Tool)
            // may talk to the bot and name where replies go; anything else would let strangers aim
            // the bot at any URL. Start-up refuses a public bind; this also holds when code bound it.
            return Results.Unauthorized();
        }

        if (string.Equals(activity.Type, "invoke", StringComparison.Ordinal))
        {
            var handler = context.RequestServices.GetRequiredService<TeamsActivityHandler>();
            var result = await handler.HandleInvokeAsync(activity, cancellationToken);
            return result.Body is null
                ? Results.StatusCode(result.Status)
                : Results.Json(result.Body, TeamsJsonContext.Default.AdaptiveCardInvokeResponse, statusCode: result.Status);
        }
        return inbox.TryEnqueue(activity) ? Results.Ok() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    private static bool FromThisMachine(HttpContext context) =>
        context.Connection.RemoteIpAddress is not { } remote || System.Net.IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);

    private static bool IsLoopback(string? serviceUrl) =>
        serviceUrl is not null && Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
