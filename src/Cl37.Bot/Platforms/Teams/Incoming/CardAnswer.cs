using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Rendering;

namespace Cl37.Bot.Platforms.Teams.Incoming;

/// <summary>An answer read back from one of our cards' Action.Execute / Action.Submit data.</summary>
internal sealed record CardAnswer(long PostId, IReadOnlyList<string> Values)
{
    /// <summary>Reads <c>{"cl37":"answer","post":12,"value":"B"}</c> or, for inputs, the
    /// <c>answer</c> field Teams merges in (a multi-select, marked <c>"multi":true</c>, arrives comma-separated). Returns null
    /// when the data is not ours; <paramref name="error"/> says what is wrong when it is ours but names no question.</summary>
    public static CardAnswer? TryRead(JsonElement? data, out ChatNotice? error)
    {
        error = null;
        if (data is not { ValueKind: JsonValueKind.Object } d
            || !d.TryGetProperty(AdaptiveCardRenderer.DataMarker, out var marker)
            || marker.ValueKind != JsonValueKind.String
            || marker.GetString() != AdaptiveCardRenderer.AnswerVerb)
            return null;

        long postId;
        if (!d.TryGetProperty("post", out var post)
            || !(post.ValueKind == JsonValueKind.Number ? post.TryGetInt64(out postId)
                : post.ValueKind == JsonValueKind.String && AnswerCodec.TryReadPost(post.GetString(), out postId)))
        {
            error = new ChatNotice.AnswerWithoutQuestion();
            return null;
        }

        string? raw = null;
        if (d.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
            raw = value.GetString();
        else if (d.TryGetProperty(AdaptiveCardRenderer.AnswerInputId, out var input))
            raw = input.ValueKind switch
            {
                JsonValueKind.String => input.GetString(),
                JsonValueKind.Number => input.GetRawText(),
                _ => null,
            };
        var multiSelect = d.TryGetProperty("multi", out var multi) && multi.ValueKind == JsonValueKind.True;
        // The values are held to AnswerCodec's limits by the pipeline, like every platform's.
        IReadOnlyList<string?> parts = multiSelect && raw is not null
            ? raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : new string?[] { raw };
        return new CardAnswer(postId, parts!);
    }
}
