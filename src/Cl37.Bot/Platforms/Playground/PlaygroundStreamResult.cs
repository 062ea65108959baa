using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Cl37.Bot.Platforms.Playground;

/// <summary>Writes a live stream as server-sent events. Each frame is written in slices and every
/// flush may wait at most the write timeout: a tab that stopped reading holds at most the server's
/// response buffer, and when the time is up its connection is cut and its queue dropped.</summary>
internal sealed class PlaygroundStreamResult(
    IAsyncEnumerable<PlaygroundFrame> frames,
    IDisposable slot,
    TimeSpan writeTimeout,
    TimeProvider time,
    ILogger logger) : IResult
{
    private const int SliceBytes = 16 * 1024;

    public async Task ExecuteAsync(HttpContext context)
    {
        using var _ = slot;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-store";
        // nginx buffers proxied responses unless told otherwise; events must arrive as they happen.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var writer = response.BodyWriter;
        try
        {
            await foreach (var frame in frames.WithCancellation(context.RequestAborted))
            {
                for (var offset = 0; offset < frame.Bytes.Length; offset += SliceBytes)
                {
                    writer.Write(frame.Bytes.AsSpan(offset, Math.Min(SliceBytes, frame.Bytes.Length - offset)));
                    if (!await FlushAsync(writer, context))
                        return;
                }
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The tab closed or the app is stopping.
        }
    }

    private async Task<bool> FlushAsync(PipeWriter writer, HttpContext context)
    {
        using var timeout = new CancellationTokenSource(writeTimeout, time);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, context.RequestAborted);
        try
        {
            var result = await writer.FlushAsync(both.Token);
            if (result.IsCompleted)
                return false;
            if (!result.IsCanceled)
                return true;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return false;
        }
        logger.LogInformation("A playground live stream to {Address} has not read for {Seconds} s; its connection is cut", context.Connection.RemoteIpAddress, writeTimeout.TotalSeconds);
        context.Abort();
        return false;
    }
}
