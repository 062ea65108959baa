using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Cl37.Bot.Platforms.Playground.Outgoing;

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

    // Linux's TCP_NOTSENT_LOWAT (IPPROTO_TCP level): how much unsent data the kernel takes from a socket.
    private const int IpProtocolTcp = 6;
    private const int TcpNotSentLowWatermark = 25;
    private const int UnsentBytes = 16 * 1024;

    public async Task ExecuteAsync(HttpContext context)
    {
        using var _ = slot;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-store";
        // nginx buffers proxied responses unless told otherwise; events must arrive as they happen.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        LimitUnsent(context);
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
            // The tab closed.
        }
    }

    // Without a limit the kernel auto-tunes the send buffer of a connection whose client stopped
    // reading to megabytes and takes every event, so the write never waits and the timeout never
    // sees it. With it, such a connection backs up into the response buffer within a few kilobytes.
    private static void LimitUnsent(HttpContext context)
    {
        if (!OperatingSystem.IsLinux() || !HttpProtocol.IsHttp11(context.Request.Protocol))
            return;
        if (context.Features.Get<IConnectionSocketFeature>()?.Socket is not { ProtocolType: ProtocolType.Tcp } socket)
            return;
        Span<byte> value = stackalloc byte[sizeof(int)];
        MemoryMarshal.Write(value, UnsentBytes);
        try
        {
            socket.SetRawSocketOption(IpProtocolTcp, TcpNotSentLowWatermark, value);
        }
        catch (SocketException)
        {
            // A kernel without the option (before 3.12) keeps its own buffering; the caps still hold.
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
