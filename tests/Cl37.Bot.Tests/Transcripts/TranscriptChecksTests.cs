using System.Text.Json.Nodes;

namespace Cl37.Bot.Tests.Transcripts;

/// <summary>The transcript rules catch what they claim to, on payloads built to break them.</summary>
public sealed class TranscriptChecksTests
{
    private const int AnswerStep = 3;
    private const int StatsStep = 37;
    private const int CalcStep = 39;

    [Fact]
    public void Check_ParagraphTwiceInOneMessage_Reported()
    {
        var transcript = new Transcript("discord");
        transcript.Add(CalcStep, "POST channels/1/messages", true, JsonNode.Parse("""{"content":"**Question 1** pick one\n\n- Question 1 pick one"}"""));

        var problem = Assert.Single(TranscriptChecks.Check(transcript));

        Assert.StartsWith("repeated paragraph", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DiscordOverLimits_EachLimitReported()
    {
        var buttons = new JsonArray([.. Enumerable.Range(0, 6).Select(i => (JsonNode)new JsonObject { ["type"] = 2, ["custom_id"] = new string('x', 101 + i) })]);
        var rows = new JsonArray([.. Enumerable.Range(0, 6).Select(_ => (JsonNode)new JsonObject { ["type"] = 1, ["components"] = new JsonArray() })]);
        rows[0]!["components"] = buttons;
        var transcript = new Transcript("discord");
        transcript.Add(CalcStep, "POST channels/1/messages", true, new JsonObject { ["content"] = new string('a', 2001), ["components"] = rows });

        var problems = TranscriptChecks.Check(transcript);

        Assert.Contains(problems, p => p.Contains("content of 2001 characters", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("6 top-level components", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("more than 5 buttons", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("custom_id of 101 characters", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_TeamsCardNewerOrUnknownOrLarge_Reported()
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.6",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "Carousel" }, new JsonObject { ["type"] = "TextBlock", ["text"] = new string('a', 29 * 1024) }),
        };
        var transcript = new Transcript("teams");
        transcript.Add(CalcStep, "POST /v3/conversations/c/activities", true, new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card }),
        });

        var problems = TranscriptChecks.Check(transcript);

        Assert.Contains(problems, p => p.Contains("version 1.6", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("element type Carousel", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("bytes (limit 28672)", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_FeedbackInAChannelPost_Reported()
    {
        var transcript = new Transcript("playground");
        transcript.Add(AnswerStep, "POST /playground/api/answers → 200", false, JsonNode.Parse("""{"reply":{"text":"Answer recorded: **B**.","private":true}}"""));
        transcript.Add(StatsStep, "POST /playground/api/commands → 200", false, JsonNode.Parse("""{"reply":{"text":"**Stats for Ann**\n\nScored answers: 3, correct 3 (100%)","private":true}}"""));
        transcript.Add(CalcStep, "channel message posted", true, JsonNode.Parse("""{"id":"9","text":"Look: Scored answers: 3, correct 3 (100%)"}"""));
        transcript.Add(CalcStep, "channel message posted", true, JsonNode.Parse("""{"id":"10","text":"Answer recorded: **B**."}"""));

        var problems = TranscriptChecks.Check(transcript);

        Assert.Equal(2, problems.Count(p => p.StartsWith("private in public", StringComparison.Ordinal)));
    }

    [Fact]
    public void Check_PrivateStepPostingToTheChannel_Reported()
    {
        var transcript = new Transcript("teams");
        transcript.Add(AnswerStep, "POST /v3/conversations/c/activities", true, JsonNode.Parse("""{"type":"message","text":"Ann, your answer was recorded."}"""));

        var problem = Assert.Single(TranscriptChecks.Check(transcript));

        Assert.EndsWith("a reply meant for one person went to the channel", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ListItemWithTwoMarkers_Reported()
    {
        var transcript = new Transcript("playground");
        transcript.Add(CalcStep, "channel message posted", true, JsonNode.Parse("""{"id":"9","text":"This week:\n\n• 1. Kim — 10 pts"}"""));

        var problem = Assert.Single(TranscriptChecks.Check(transcript));

        Assert.StartsWith("two list markers", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TeamsSingleLineBreakOutsideAList_Reported()
    {
        var transcript = new Transcript("teams");
        transcript.Add(CalcStep, "POST /v3/conversations/c/activities", true, JsonNode.Parse(
            """{"type":"message","text":"Correct: 10 points.\n**Answer:** B\n\nSteps:\n- one\n- two","textFormat":"markdown"}"""));

        var problem = Assert.Single(TranscriptChecks.Check(transcript));

        Assert.Contains("Correct: 10 points.⏎**Answer:** B", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrub_PortsAndGuids_Replaced()
    {
        var scrubbed = TranscriptScrubber.Scrub("http://127.0.0.1:45123/x 0f8fad5b-d9cb-469f-a165-70867728950e post 12");

        Assert.Equal("http://127.0.0.1:{port}/x {guid} post 12", scrubbed);
    }
}
