using Cl37.Bot.Chat;

namespace Cl37.Bot.Platforms.Discord.Rendering;

/// <summary>What a component's custom id stands for; the letter leads the id.</summary>
internal enum CustomIdKind
{
    /// <summary><c>a:{post}:{key}</c>: an answer button.</summary>
    Answer = 'a',

    /// <summary><c>s:{post}</c>: the multi-select of a multiple-select question.</summary>
    Select = 's',

    /// <summary><c>o:{post}</c>: the button that opens the answer modal.</summary>
    OpenModal = 'o',

    /// <summary><c>t:{post}</c>: the answer modal itself.</summary>
    Modal = 't',
}

/// <summary>The custom_id scheme (each ≤ 100 characters, unique within a message; DAD
/// components/reference.mdx "Custom ID"): a <see cref="CustomIdKind"/> letter, then the post id as
/// <see cref="AnswerCodec"/> writes it, then for a button its option key.</summary>
internal static class DiscordCustomIds
{
    public const int MaxLength = 100;
    public const string AnswerInput = "answer";
    private const char Separator = ':';

    public static string Button(long postId, string key) => Fit($"{Prefix(CustomIdKind.Answer, postId)}{Separator}{key}");

    public static string Select(long postId) => Prefix(CustomIdKind.Select, postId);

    public static string OpenModal(long postId) => Prefix(CustomIdKind.OpenModal, postId);

    public static string Modal(long postId) => Prefix(CustomIdKind.Modal, postId);

    public static bool TryParse(string? customId, out CustomIdKind kind, out long postId, out string? key)
    {
        kind = default;
        postId = 0;
        key = null;
        if (customId is null || customId.Length is < 3 or > MaxLength || customId[1] != Separator
            || !Enum.IsDefined((CustomIdKind)customId[0]))
            return false;
        kind = (CustomIdKind)customId[0];
        var rest = customId.AsSpan(2);
        var colon = rest.IndexOf(Separator);
        if (!AnswerCodec.TryReadPost(colon < 0 ? rest : rest[..colon], out postId))
            return false;
        if (kind == CustomIdKind.Answer)
        {
            if (colon < 0 || colon == rest.Length - 1)
                return false;
            key = rest[(colon + 1)..].ToString();
            return true;
        }
        return colon < 0;
    }

    private static string Prefix(CustomIdKind kind, long postId) => $"{(char)kind}{Separator}{AnswerCodec.Post(postId)}";

    private static string Fit(string id) => id.Length <= MaxLength ? id : id[..MaxLength];
}
