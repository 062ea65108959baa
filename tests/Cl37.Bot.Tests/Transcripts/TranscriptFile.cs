using System.Text;

namespace Cl37.Bot.Tests.Transcripts;

/// <summary>A file a person sends with a command in <see cref="TranscriptScenario"/>.</summary>
internal sealed record TranscriptFile(string Name, string Text)
{
    public byte[] Bytes => Encoding.UTF8.GetBytes(Text);
}
