namespace Cl37.Bot.Tests.Transcripts;

/// <summary>Rule breaks the transcripts show today and production code still has to fix. The list
/// must match what the checks find exactly: a new problem fails the test, and so does a fixed one
/// left on the list, so the list only ever shrinks on purpose.</summary>
internal static class KnownFindings
{
    public static IReadOnlyList<string> Of(string platform) => platform switch
    {
        "teams" =>
        [
            // Teams has no ephemeral messages: a command typed in a channel is answered in the channel's
            // thread, so everyone in the team reads Ann's /stats. Private replies belong in her 1:1 chat.
            "private in public · 31. Ann: /stats · POST /v3/conversations/19:quiz@thread.tacv2/activities/activity-in-016 → 201: a reply meant for one person went to the channel",
            // Outside lists Teams Markdown needs a blank line or <br> for a break.
            "teams line break · 3. Ann answers question 1: B · invoke response 200: \"✅ Correct: 10 points.⏎**Answer:** B) Option B\" runs together",
            "teams line break · 5. Ann answers question 1: B · invoke response 200: \"✅ Correct — 10 points.⏎**Answer:** B) Option B\" runs together",
            "teams line break · 7. Ben answers question 1: A · invoke response 200: \"❌ Not right: 0 points.⏎**Answer:** B) Option B\" runs together",
            "teams line break · 12. Cy answers question 1: B · invoke response 200: \"✅ Correct⏎**Answer:** B) Option B\" runs together",
            "teams line break · 13. Ann answers question 2: A, B, C · invoke response 200: \"✅ All 3 right options and no wrong pick…⏎**Answer:** A) Option A, B) Option B, C…\" runs together",
            "teams line break · 15. Ben answers question 2: A, D · invoke response 200: \"❌ 1 of 3 right options, 1 wrong pick: 0…⏎**Answer:** A) Option A, B) Option B, C…\" runs together",
            "teams line break · 18. Tutor: /quiz now deck:numeric · POST /v3/conversations/19:quiz@thread.tacv2/activities → 201: \"**Given:**⏎Peak 200, capacity 50\" runs together",
            "teams line break · 20. Ann answers question 3: 4 · invoke response 200: \"✅ Correct: 10 points.⏎**Answer:** 4 servers\" runs together",
            "teams line break · 22. Ben answers question 3: 5 · invoke response 200: \"❌ Not right: 0 points.⏎**Answer:** 4 servers\" runs together",
            "teams line break · 24. Cy answers question 3: 4 servers · invoke response 200: \"✅ Correct: 10 points.⏎**Answer:** 4 servers\" runs together",
            "teams line break · 25. tallies flushed · PUT /v3/conversations/19:quiz@thread.tacv2/activities/activity-7 → 200: \"**Given:**⏎Peak 200, capacity 50\" runs together",
            "teams line break · 27. Tutor: /quiz reveal · PUT /v3/conversations/19:quiz@thread.tacv2/activities/activity-7 → 200: \"**Given:**⏎Peak 200, capacity 50\" runs together",
            "teams line break · 35. Ben: /help · POST /v3/conversations/19:quiz@thread.tacv2/activities/activity-in-018 → 201: \"- **/help** — What the bot can do⏎`/help <command>` explains one command.\" runs together",
            // The reveal's weekly board is rendered as a "- " list of lines that already start "1.".
            "two list markers · 10. Tutor: /quiz now deck:multi · POST /v3/conversations/19:quiz@thread.tacv2/activities → 201: \"- 1. Ann — 10 pts (+10 on this question)\"",
            "two list markers · 10. Tutor: /quiz now deck:multi · POST /v3/conversations/19:quiz@thread.tacv2/activities → 201: \"- 2. Ben — 0 pts\"",
            "two list markers · 18. Tutor: /quiz now deck:numeric · POST /v3/conversations/19:quiz@thread.tacv2/activities → 201: \"- 1. Ann — 20 pts (+10 on this question)\"",
            "two list markers · 18. Tutor: /quiz now deck:numeric · POST /v3/conversations/19:quiz@thread.tacv2/activities → 201: \"- 2. Ben — 0 pts\"",
            "two list markers · 27. Tutor: /quiz reveal · POST /v3/conversations/19:quiz@thread.tacv2/activities → 201: \"- 1. Ann — 30 pts (+10 on this question)\"",
            "two list markers · 27. Tutor: /quiz reveal · POST /v3/conversations/19:quiz@thread.tacv2/activities → 201: \"- 2. Cy — 10 pts (+10 on this question)\"",
            "two list markers · 27. Tutor: /quiz reveal · POST /v3/conversations/19:quiz@thread.tacv2/activities → 201: \"- 3. Ben — 0 pts\"",
        ],
        _ => [],
    };
}
