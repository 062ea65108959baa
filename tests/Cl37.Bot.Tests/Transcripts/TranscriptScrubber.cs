using System.Text.RegularExpressions;

namespace Cl37.Bot.Tests.Transcripts;

/// <summary>What differs between two runs of the same scenario, replaced by a placeholder. Everything
/// else (post ids, message ids, times on the fake clock) is deterministic and stays as it is, so a
/// change there shows up in the diff.</summary>
internal static partial class TranscriptScrubber
{
    public static string Scrub(string json)
    {
        // The loopback fakes listen on a port the OS picks.
        json = LoopbackPort().Replace(json, "${host}:{port}");
        json = Guid().Replace(json, "{guid}");
        return json;
    }

    [GeneratedRegex(@"(?<host>127\.0\.0\.1|localhost|\[::1\]):\d{2,5}")]
    private static partial Regex LoopbackPort();

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex Guid();
}
