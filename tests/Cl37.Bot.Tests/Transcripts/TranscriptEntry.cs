using System.Text.Json.Nodes;

namespace Cl37.Bot.Tests.Transcripts;

/// <summary>One outbound payload: which step caused it, what it is (a REST call, an HTTP response),
/// whether the channel sees it or only the person, and the payload itself.</summary>
internal sealed record TranscriptEntry(int Step, string Action, string Payload, bool Public, JsonNode? Body);
