using Cl37.Bot.Platforms.Teams.Rendering;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Platforms.Teams.Incoming;

/// <summary>What an invoke is answered with: the HTTP status and, when there is one, the body.</summary>
internal sealed record TeamsInvokeResult(int Status, AdaptiveCardInvokeResponse? Body)
{
    public const string ErrorType = "application/vnd.microsoft.error";

    public static TeamsInvokeResult Card(System.Text.Json.Nodes.JsonNode card) =>
        new(200, new AdaptiveCardInvokeResponse { StatusCode = 200, Type = AdaptiveCardRenderer.ContentType, Value = card });

    public static TeamsInvokeResult Error(int statusCode, string message) =>
        new(200, new AdaptiveCardInvokeResponse
        {
            StatusCode = statusCode,
            Type = ErrorType,
            Value = new System.Text.Json.Nodes.JsonObject { ["code"] = statusCode == 400 ? "BadRequest" : "InternalServerError", ["message"] = message },
        });

    /// <summary>An invoke handled with nothing to show in its response (a file consent).</summary>
    public static TeamsInvokeResult Ok { get; } = new(200, null);

    // CloudAdapterBase answers 501 when no handler produced an invoke response.
    public static TeamsInvokeResult NotImplemented { get; } = new(501, null);
}
