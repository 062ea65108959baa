using System.Text.Json.Serialization.Metadata;

namespace Cl37.Bot.Platforms.Playground.Incoming;

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

        using var body = await RequestBody.ReadAsync(request, maxBytes, prefix: null, context.RequestAborted);
        if (body.Status == BodyRead.TooLarge)
            return (null, TooLarge(maxBytes));
        if (body.Status == BodyRead.Unreadable)
            return (null, PlaygroundEndpoints.Error(StatusCodes.Status400BadRequest, "The request body could not be read."));
        if (body.Length == 0)
            return (null, PlaygroundEndpoints.Error(StatusCodes.Status400BadRequest, "The request body is empty; send a JSON object."));
        var value = body.Json(type, out var error);
        if (error is not null)
        {
            var where = error.Path is { Length: > 1 } path ? $" at {path}" : "";
            return (null, PlaygroundEndpoints.Error(StatusCodes.Status400BadRequest, $"The request body is not valid JSON for this request{where}."));
        }
        return value is null
            ? (null, PlaygroundEndpoints.Error(StatusCodes.Status400BadRequest, "The request body must be a JSON object, not null."))
            : (value, null);
    }

    private static IResult TooLarge(int maxBytes) =>
        PlaygroundEndpoints.Error(StatusCodes.Status413PayloadTooLarge, $"The request body is too large (at most {maxBytes} bytes).");
}
