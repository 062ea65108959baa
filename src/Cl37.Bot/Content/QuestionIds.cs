using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cl37.Bot.Content;

/// <summary>How a question keeps its identity while its deck changes. An id the deck gives (a Markdown
/// heading's <c>{#id}</c>, a GIFT <c>::title::</c>, a Moodle XML <c>&lt;idnumber&gt;</c> or
/// <c>&lt;name&gt;</c>) is used as written; otherwise the id is a fingerprint of the question's kind
/// and its prompt with case, spacing and punctuation set aside, so reordering, inserting or removing
/// other questions never moves a question's history onto another.</summary>
public static class QuestionIds
{
    private const int FingerprintLength = 8;
    private const int MaxGivenLength = 80;
    private const int KeptOfLongId = 64;

    /// <summary>The id of a question whose deck names it: <c>deck/onnx-meaning</c>.</summary>
    public static string Given(string deckId, string given) => deckId + "/" + Slug(given);

    /// <summary>The id of a question whose deck gives none: <c>deck/mcq-3f2a9c1b</c>.</summary>
    public static string Fingerprint(string deckId, string section, string prompt) =>
        $"{deckId}/{section}-{Hash(Normalize(prompt))[..FingerprintLength]}";

    /// <summary>The id of a question of a deck a group's admin sent in a chat: its id within the deck,
    /// qualified by the group (<c>g12:bio/mcq-3f2a9c1b</c>), so it never meets a content folder deck's
    /// question or another group's, whatever the decks are called.</summary>
    public static string Uploaded(long groupId, string deckId, string local) =>
        string.Create(CultureInfo.InvariantCulture, $"g{groupId}:{deckId}/{local}");

    /// <summary>The question's id within its deck: <c>mcq-3f2a9c1b</c> of <c>bio/mcq-3f2a9c1b</c>.</summary>
    public static string Local(Question question) => question.Id[(question.Id.IndexOf('/', StringComparison.Ordinal) + 1)..];

    /// <summary>The id the question had when ids were positions (<c>deck/mcq/3</c>).</summary>
    public static string Positional(Question question) =>
        $"{question.DeckId}/{question.Section}/{question.Number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The prompt as the fingerprint reads it: letters and digits in lower case, every run of
    /// anything else one space.</summary>
    internal static string Normalize(string prompt)
    {
        var text = prompt.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(text.Length);
        var gap = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (gap && sb.Length > 0)
                    sb.Append(' ');
                sb.Append(char.ToLowerInvariant(c));
                gap = false;
            }
            else
            {
                gap = true;
            }
        }
        return sb.ToString();
    }

    /// <summary>A given id as it is stored: lower case, letters, digits, <c>.</c>, <c>_</c> and
    /// <c>-</c>, every other run of characters one <c>-</c>; a name with no letter or digit is hashed.</summary>
    internal static string Slug(string given)
    {
        var sb = new StringBuilder(given.Length);
        foreach (var c in given.Trim().Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c) || c is '.' or '_')
                sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != '-')
                sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length == 0)
            return "id-" + Hash(given)[..FingerprintLength];
        return slug.Length <= MaxGivenLength ? slug : slug[..KeptOfLongId].TrimEnd('-') + "-" + Hash(given)[..FingerprintLength];
    }

    /// <summary>Keeps the first question of each id; every later one with the same id is reported at
    /// its line and left out, so a deck never holds two questions one history would mix.</summary>
    /// <param name="howToName">How this deck's format gives a question its own id, for the message.</param>
    internal static List<Question> KeepDistinct(IReadOnlyList<Question> questions, List<DeckError> errors, string howToName)
    {
        var first = new Dictionary<string, Question>(StringComparer.Ordinal);
        var kept = new List<Question>(questions.Count);
        foreach (var q in questions)
        {
            if (first.TryGetValue(q.Id, out var earlier))
            {
                var why = q.GivenId is null && earlier.GivenId is null ? "the same question text as" : "the same id as";
                errors.Add(new DeckError(q.SourceFile, q.Line,
                    $"{Label(q)} has {why} {Label(earlier)} on line {earlier.Line} (id `{q.Id}`); give one of them its own id with {howToName}. This one is skipped."));
                continue;
            }
            first[q.Id] = q;
            kept.Add(q);
        }
        return kept;
    }

    private static string Label(Question q) => q.Title is { } t ? $"`{t}`" : DeckLabels.Label(q.Section, q.Number);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
