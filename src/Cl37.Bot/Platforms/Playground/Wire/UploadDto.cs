namespace Cl37.Bot.Platforms.Playground.Wire;

/// <summary>A file the page sends with a command: its name, media type and bytes as base64.</summary>
internal sealed record UploadDto(string? Name, string? MediaType, string? ContentBase64);
