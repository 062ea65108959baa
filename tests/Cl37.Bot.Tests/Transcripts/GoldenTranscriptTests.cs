namespace Cl37.Bot.Tests.Transcripts;

/// <summary>The adapter contract (<see cref="AdapterContract"/>) on each platform: the scenario's
/// transcript compared verbatim with its golden file and checked against the rules every transcript
/// must keep (see README.md in this folder).</summary>
public sealed class GoldenTranscriptTests
{
    [Fact]
    public async Task Discord_Scenario_MatchesGoldenTranscript()
    {
        var transcript = await AdapterContract.PlayAsync<DiscordTranscriptDriver>();

        AssertChecks(transcript);
        GoldenFile.AssertMatches("discord", transcript.ToJson());
    }

    [Fact]
    public async Task Playground_Scenario_MatchesGoldenTranscript()
    {
        var transcript = await AdapterContract.PlayAsync<PlaygroundTranscriptDriver>();

        AssertChecks(transcript);
        GoldenFile.AssertMatches("playground", transcript.ToJson());
    }

    [Fact]
    public async Task Teams_Scenario_MatchesGoldenTranscript()
    {
        var transcript = await AdapterContract.PlayAsync<TeamsTranscriptDriver>();

        AssertChecks(transcript);
        GoldenFile.AssertMatches("teams", transcript.ToJson());
    }

    private static void AssertChecks(Transcript transcript)
    {
        GoldenFile.SaveReceived(transcript.Platform, transcript.ToJson());
        var found = TranscriptChecks.Check(transcript);
        var known = KnownFindings.Of(transcript.Platform);
        var added = found.Except(known).ToList();
        var gone = known.Except(found).ToList();
        Assert.True(added.Count == 0 && gone.Count == 0,
            $"The {transcript.Platform} transcript breaks these rules:\n  {string.Join("\n  ", added)}\n"
            + (gone.Count == 0 ? "" : $"These known findings no longer occur; remove them from KnownFindings:\n  {string.Join("\n  ", gone)}\n"));
    }
}
