
namespace Cl37.Bot.Platforms.Discord.Incoming;

/// <summary>The websocket seam: one open gateway connection exchanging whole text messages.</summary>
internal interface IGatewayConnection : IAsyncDisposable
{
    Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken);

    /// <summary>The next whole message, or the close frame (<see cref="GatewayFrame.Message"/> null).
    /// A connection that drops without a close frame throws.</summary>
    Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Sends a close frame without waiting for the server's answer.</summary>
    Task CloseAsync(int code, string reason, CancellationToken cancellationToken);
}

/// <summary>A received message, or a close with its code.</summary>
internal readonly record struct GatewayFrame(byte[]? Message, int? CloseCode = null, string? CloseReason = null);
