using System.Globalization;

namespace Cl37.Bot.Chat;

/// <summary>The "post id + values" every answer control carries — a Discord custom id or select, a
/// Teams card's data, the playground's request — read and limited the same way whatever the wire.</summary>
public static class AnswerCodec
{
    /// <summary>One value per option key (A–Z) at most.</summary>
    public const int MaxValues = 26;

    /// <summary>The longest typed answer or option key accepted.</summary>
    public const int MaxValueLength = 200;

    /// <summary>A post id as controls carry it: invariant digits.</summary>
    public static string Post(long postId) => postId.ToString(CultureInfo.InvariantCulture);

    /// <summary>A post id from a control: digits only, positive.</summary>
    public static bool TryReadPost(ReadOnlySpan<char> text, out long postId) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out postId) && postId > 0;

    /// <summary>Trimmed values, or what is wrong with them.</summary>
    public static (IReadOnlyList<string>? Values, AnswerProblem? Problem) Read(IReadOnlyList<string?>? values)
    {
        if (values is not { Count: > 0 })
            return (null, AnswerProblem.Empty);
        if (values.Count > MaxValues)
            return (null, AnswerProblem.TooMany);
        var read = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i]?.Trim();
            if (string.IsNullOrEmpty(value))
                return (null, AnswerProblem.Empty);
            if (value.Length > MaxValueLength)
                return (null, AnswerProblem.TooLong);
            read[i] = value;
        }
        return (read, null);
    }
}
