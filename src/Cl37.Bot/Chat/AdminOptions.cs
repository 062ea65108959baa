namespace Cl37.Bot.Chat;

/// <summary>People who are admins wherever they are, as <c>platform:userId</c> (<c>Quiz:Admins</c>).</summary>
public sealed class AdminOptions
{
    public const string Section = "Quiz";

    /// <summary>Extra admins as <c>platform:userId</c> (e.g. <c>teams:&lt;AAD object id&gt;</c>, <c>playground:tutor</c>).</summary>
    public List<string> Admins { get; set; } = [];
}
