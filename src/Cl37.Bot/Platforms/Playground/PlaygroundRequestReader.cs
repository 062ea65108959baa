using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Cl37.Bot.Platforms.Playground;

/// <summary>Reads a JSON request body with a size limit, turning every malformed body into a
/// status and one sentence instead of an exception.</summary>
internal static class PlaygroundRequestReader
{
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type, int maxBytes)
        where T : class
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
            return (null, PlaygroundEndpoints.Error(StatusCodes.Status415UnsupportedMediaType, "Send the request as application/json."));
        if (request.ContentLength > maxBytes)
            return (null, TooLarge(maxBytes));

        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var length = 0;
            int read;
            while (length <= maxBytes && (read = await request.Body.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), context.RequestAborted)) > 0)
                length += read;
            if (length > maxBytes)
                return (null, TooLarge(maxBytes));
            if (length == 0)
                return (null, PlaygroundEndpoints.Error(StatusCodes.Status400BadRequest, "The request body is empty; send a JSON object."));

            T? value;
            try
            {
                value = JsonSerializer.Deserialize(buffer.AsSpan(0, length), type);
            }
            catch (JsonException ex)
            {
                var where = ex.Path is { Length: > 1 } path ? $" at {path}" : "";
                return (null, PlaygroundEndpoints.Error(StatusCodes.Status400BadRequest, $"The request body is not valid JSON for this request{where}."));
            }
            return value is null
                ? (null, PlaygroundEndpoints.Error(StatusCodes.Status400BadRequest, "The request body must be a JSON object, not null."))
                : (value, null);
        }
        catch (BadHttpRequestException ex)
        {
            return (null, PlaygroundEndpoints.Error(ex.StatusCode, "The request body could not be read."));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IResult TooLarge(int maxBytes) =>
        PlaygroundEndpoints.Error(StatusCodes.Status413PayloadTooLarge, $"The request body is too large (at most {maxBytes} bytes).");
}
