namespace Cl37.Bot.Tests.Transcripts;

/// <summary>One platform-neutral step of <see cref="TranscriptScenario"/>.</summary>
internal abstract record TranscriptStep
{
    /// <summary>A typed command, as a text platform gets it; Discord gets it as slash-command options.
    /// With <paramref name="File"/> the person sends that file with it, the platform's way: Discord's
    /// attachment option, the Teams 1:1 chat, the playground's file picker.</summary>
    internal sealed record Command(string Person, string Text, TranscriptFile? File = null) : TranscriptStep
    {
        public override string ToString() => File is null ? $"{Person}: {Text}" : $"{Person}: {Text} 📎 {File.Name}";
    }

    /// <summary>An answer to the <paramref name="Question"/>-th question the scenario posted (1-based).</summary>
    internal sealed record Answer(string Person, int Question, params string[] Values) : TranscriptStep
    {
        public override string ToString() => $"{Person} answers question {Question}: {string.Join(", ", Values)}";
    }

    /// <summary>The tally edits due so far go out now, as the tally timer would send them.</summary>
    internal sealed record FlushTallies : TranscriptStep
    {
        public override string ToString() => "tallies flushed";
    }

    /// <summary>The fake clock moves on.</summary>
    internal sealed record Wait(int Seconds) : TranscriptStep
    {
        public override string ToString() => $"{Seconds} s later";
    }
}
