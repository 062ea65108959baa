namespace Cl37.Bot.Tests.Transcripts;

/// <summary>Rule breaks the transcripts show today and production code still has to fix. The list
/// must match what the checks find exactly: a new problem fails the test, and so does a fixed one
/// left on the list, so the list only ever shrinks on purpose.</summary>
internal static class KnownFindings
{
    public static IReadOnlyList<string> Of(string platform) => platform switch
    {
        // Teams has no ephemeral messages: a command typed in a channel is answered in the channel's
        // thread, so everyone in the team reads Ann's /stats. Private replies belong in her 1:1 chat.
        "teams" =>
        [
            "private in public · 31. Ann: /stats · POST /v3/conversations/19:quiz@thread.tacv2/activities/activity-in-016 → 201: a reply meant for one person went to the channel",
        ],
        _ => [],
    };
}
