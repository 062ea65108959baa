using System.Buffers;
using System.Text.Json;
using Cl37.Bot.Platforms.Discord.Wire;

namespace Cl37.Bot.Platforms.Discord.Interactions;

/// <summary><c>POST /discord/interactions</c> (DAD interactions/overview.mdx "Setting Up an
/// Endpoint"): the signature is checked over the raw bytes before anything is parsed, any missing
/// or bad signature is 401 (Discord probes with invalid ones and removes endpoints that accept
/// them), PING is PONG, and the response goes inline. Nothing is kept between requests.</summary>
internal static class DiscordInteractionsEndpoint
{
    public const string Path = "/discord/interactions";
    private const int MaxBody = 1 << 20;

    public static async Task HandleAsync(HttpContext context, DiscordSignatureVerifier verifier, DiscordInteractionHandler handler, IHostApplicationLifetime lifetime)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBody)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        var body = await ReadAsync(request, context.RequestAborted);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        var signature = request.Headers["X-Signature-Ed25519"];
        var timestamp = request.Headers["X-Signature-Timestamp"];
        if (signature.Count != 1 || timestamp.Count != 1 || !verifier.Verify(signature[0], timestamp[0], body))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync("invalid request signature", context.RequestAborted);
            return;
        }
        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.Interaction);
        }
        catch (JsonException)
        {
            interaction = null;
        }
        if (interaction is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("the body is not an interaction", context.RequestAborted);
            return;
        }
        var outcome = await handler.HandleAsync(interaction, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(outcome.Initial, DiscordJsonContext.Default.InteractionResponse), context.RequestAborted);
        if (outcome.Deferred is { } deferred)
        {
            // The follow-up edits the deferred response, so it must not start before Discord has it.
            var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            context.Response.OnCompleted(() =>
            {
                sent.TrySetResult();
                return Task.CompletedTask;
            });
            _ = Task.Run(async () =>
            {
                await sent.Task;
                await handler.CompleteDeferredAsync(interaction, deferred, lifetime.ApplicationStopping);
            }, CancellationToken.None);
        }
    }

    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and <= MaxBody ? (int)request.ContentLength : 4096);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0)
                return buffer.WrittenSpan.ToArray();
            buffer.Advance(read);
            if (buffer.WrittenCount > MaxBody)
                return null;
        }
    }
}
