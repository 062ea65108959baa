namespace Cl37.Bot.Platforms.Playground.Wire;

/// <param name="File">A file sent with the command (the page's file picker); only on <c>/commands/file</c>.</param>
internal sealed record CommandRequest(string? Channel, string? Text, PersonDto? Person, UploadDto? File = null);
