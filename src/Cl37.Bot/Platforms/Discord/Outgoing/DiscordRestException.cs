using System.Text.Json;

namespace Cl37.Bot.Platforms.Discord.Outgoing;

/// <summary>A Discord REST call that failed for good (after rate-limit waits and 5xx retries).</summary>
internal sealed class DiscordRestException(int status, int? code, string message, JsonElement? errors = null) : Exception(message)
{
    /// <summary>The refused fields of an "Invalid Form Body" answer (<see cref="Wire.ErrorResponse.Errors"/>).</summary>
    public JsonElement? Errors { get; } = errors;

    public int Status { get; } = status;

    public int? Code { get; } = code;
}
