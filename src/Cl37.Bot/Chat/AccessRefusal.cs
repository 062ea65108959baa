namespace Cl37.Bot.Chat;

/// <summary>A command refused because its declared <see cref="CommandAccess"/> needs an admin.</summary>
/// <param name="Invocation">What was refused, as typed: <c>/quiz reveal</c>, <c>/quiz now force:true</c>.</param>
/// <param name="Rule">What makes someone an admin where the person is.</param>
/// <param name="Enabler">The command an admin runs to open it to everyone, when the group can.</param>
public sealed record AccessRefusal(string Invocation, AdminRule Rule, string? Enabler = null);
