using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Cl37.Bot.Platforms;

/// <summary>How reading a request body ended.</summary>
internal enum BodyRead
{
    Read,

    /// <summary>Larger than the cap: the sender gets 413 and nothing more is read.</summary>
    TooLarge,

    /// <summary>The connection broke or the framing was bad.</summary>
    Unreadable,
}

/// <summary>A request body read whole into one pooled buffer, up to a cap, for every platform's
/// endpoint. Room for a prefix may be kept in front of it, so a signed message (Discord's
/// timestamp ‖ body) is verified where it lies, never copied. Dispose returns the buffer.</summary>
internal sealed class RequestBody : IDisposable
{
    private byte[]? _buffer;

    private RequestBody(BodyRead status, byte[]? buffer, int prefixLength, int length)
    {
        Status = status;
        _buffer = buffer;
        PrefixLength = prefixLength;
        Length = length;
    }

    public BodyRead Status { get; }
    public int PrefixLength { get; }
    public int Length { get; }

    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(PrefixLength, Length);

    /// <summary>The prefix followed by the body.</summary>
    public ReadOnlySpan<byte> WithPrefix => _buffer.AsSpan(0, PrefixLength + Length);

    /// <summary>Reads at most <paramref name="maxBytes"/>, after the ASCII <paramref name="prefix"/> when one is given.</summary>
    public static async Task<RequestBody> ReadAsync(HttpRequest request, int maxBytes, string? prefix, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
            return new RequestBody(BodyRead.TooLarge, null, 0, 0);
        var prefixLength = prefix is null ? 0 : Encoding.ASCII.GetByteCount(prefix);
        // Kestrel never delivers more than Content-Length, so a declared length sizes the buffer
        // exactly; the extra byte tells an undeclared body that is too long from one that fits.
        var capacity = (int)(request.ContentLength ?? maxBytes) + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(prefixLength + capacity);
        if (prefix is not null)
            Encoding.ASCII.GetBytes(prefix, buffer);
        var length = 0;
        try
        {
            int read;
            while (length < capacity && (read = await request.Body.ReadAsync(buffer.AsMemory(prefixLength + length, capacity - length), cancellationToken)) > 0)
                length += read;
        }
        catch (BadHttpRequestException)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return new RequestBody(BodyRead.Unreadable, null, 0, 0);
        }
        if (length > maxBytes)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return new RequestBody(BodyRead.TooLarge, null, 0, 0);
        }
        return new RequestBody(BodyRead.Read, buffer, prefixLength, length);
    }

    /// <summary>The body as <typeparamref name="T"/>, or null with the parser's complaint when it is not.</summary>
    public T? Json<T>(JsonTypeInfo<T> type, out JsonException? error)
    {
        error = null;
        try
        {
            return JsonSerializer.Deserialize(Bytes, type);
        }
        catch (JsonException ex)
        {
            error = ex;
            return default;
        }
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
            ArrayPool<byte>.Shared.Return(buffer);
        _buffer = null;
    }
}
