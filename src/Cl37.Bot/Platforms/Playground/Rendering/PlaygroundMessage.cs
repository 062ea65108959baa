using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Playground.Wire;

namespace Cl37.Bot.Platforms.Playground.Rendering;

/// <summary>A public message kept in a channel's history; <see cref="Version"/> grows with each update.</summary>
internal sealed record PlaygroundMessage(string Id, long Version, DateTimeOffset Time, OutgoingMessage Message, InvocationDto? InvokedBy);
