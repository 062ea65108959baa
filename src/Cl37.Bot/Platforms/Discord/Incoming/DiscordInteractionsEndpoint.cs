using System.Globalization;
using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Wire;

namespace Cl37.Bot.Platforms.Discord.Incoming;

/// <summary><c>POST /discord/interactions</c> (DAD interactions/overview.mdx "Setting Up an
/// Endpoint"): the signature is checked over the raw bytes before anything is parsed, any missing
/// or bad signature is 401 (Discord probes with invalid ones and removes endpoints that accept
/// them), PING is PONG, and the response goes inline. A signed request is accepted only while its
/// timestamp is fresh and only once per interaction id, so a captured request cannot be replayed:
/// not to this process (<see cref="DiscordReplayGuard"/>, the first and cheap check), and not to
/// another replica or after a restart (<see cref="IRequestLedger"/>, in the database).</summary>
internal static class DiscordInteractionsEndpoint
{
    public const string Path = "/discord/interactions";

    /// <summary>How far <c>X-Signature-Timestamp</c> (Unix seconds) may be from now. Discord signs
    /// each request as it sends it; a few minutes cover clock skew and slow networks.</summary>
    public static readonly TimeSpan TimestampTolerance = TimeSpan.FromMinutes(5);

    // Discord documents no size for an interaction body, so the cap follows from what this bot can
    // receive: slash-command options of at most a few hundred characters (CommandCatalog), a click
    // carrying one of its own messages (content ≤ 2,000 characters, ≤ 5 action rows; DAD
    // resources/message.mdx) or its one-input modal (≤ 200 characters), plus the user, member and
    // channel objects Discord adds. Each is a few KiB; 64 KiB leaves ample room.
    private const int MaxBody = 64 * 1024;
    private const int MaxTimestampDigits = 12;

    public const string AlreadyHandled = "this interaction was already handled";

    public static async Task HandleAsync(HttpContext context, DiscordSignatureVerifier verifier, DiscordReplayGuard replays, IRequestLedger ledger, DiscordInteractionHandler handler, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<DiscordInteractionHandler> logger)
    {
        var request = context.Request;
        var signature = request.Headers["X-Signature-Ed25519"];
        var timestamp = request.Headers["X-Signature-Timestamp"];
        if (signature.Count != 1 || timestamp.Count != 1 || !Fresh(timestamp[0], time, out var signedAt))
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "invalid request signature");
            return;
        }
        // The timestamp goes first in the buffer and the body is read in after it, so the signed
        // message (timestamp ‖ body) is verified and parsed in place, never copied.
        Interaction? interaction;
        using (var body = await RequestBody.ReadAsync(request, MaxBody, timestamp[0], context.RequestAborted))
        {
            if (body.Status != BodyRead.Read)
            {
                context.Response.StatusCode = body.Status == BodyRead.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
                return;
            }
            if (!verifier.VerifySigned(signature[0], body.WithPrefix))
            {
                await RefuseAsync(context, StatusCodes.Status401Unauthorized, "invalid request signature");
                return;
            }
            interaction = body.Json(DiscordJsonContext.Default.Interaction, out _);
        }
        // Interaction ids are snowflakes (Discord "Reference: Snowflakes"): a 64-bit number as a string.
        if (interaction is null || !ulong.TryParse(interaction.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var interactionId))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "the body is not an interaction");
            return;
        }
        if (!replays.TryClaim(interactionId, signedAt))
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, AlreadyHandled);
            return;
        }
        // A PING changes nothing, so only the process's own guard holds it; everything else is
        // claimed where every replica and the next start see it.
        bool claimed;
        try
        {
            claimed = interaction.Type == InteractionType.Ping
                || await ledger.TryClaimAsync(unchecked((long)interactionId), DateTimeOffset.FromUnixTimeSeconds(signedAt).UtcDateTime + TimestampTolerance, context.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not record interaction {InteractionId} as handled; it was not run", interaction.Id);
            await WriteAsync(context, handler.Unexpected());
            return;
        }
        if (!claimed)
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, AlreadyHandled);
            return;
        }
        var outcome = await handler.HandleAsync(interaction, context.RequestAborted);
        await WriteAsync(context, outcome);
        if (outcome.Deferred is not null || outcome.Followups.Count > 0)
        {
            // Follow-ups and edits of the response need the response to exist, so they wait until Discord has it.
            var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            context.Response.OnCompleted(() =>
            {
                sent.TrySetResult();
                return Task.CompletedTask;
            });
            _ = Task.Run(async () =>
            {
                await sent.Task;
                await handler.FinishAsync(interaction, outcome, lifetime.ApplicationStopping);
            }, CancellationToken.None);
        }
    }

    /// <summary>Unix seconds, digits only, within <see cref="TimestampTolerance"/> of now.</summary>
    internal static bool Fresh(string? timestamp, TimeProvider time, out long seconds)
    {
        if (timestamp is not { Length: > 0 and <= MaxTimestampDigits }
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out seconds))
        {
            seconds = 0;
            return false;
        }
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        return Math.Abs(now - seconds) <= (long)TimestampTolerance.TotalSeconds;
    }

    private static async Task WriteAsync(HttpContext context, InteractionOutcome outcome)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(outcome.Initial, DiscordJsonContext.Default.InteractionResponse), context.RequestAborted);
    }

    private static Task RefuseAsync(HttpContext context, int status, string reason)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsync(reason, context.RequestAborted);
    }
}
