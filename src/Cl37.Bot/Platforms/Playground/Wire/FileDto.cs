
namespace Cl37.Bot.Platforms.Playground.Wire;

/// <summary>A file the page offers as a download; its bytes travel as base64 with the reply.</summary>
internal sealed record FileDto(string FileName, string MediaType, long Size, string ContentBase64);
