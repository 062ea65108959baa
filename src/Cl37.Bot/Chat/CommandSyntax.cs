namespace Cl37.Bot.Chat;

/// <summary>How people on a platform give a command's options, so help and argument errors show
/// them the way they will type them. The adapter that builds the <see cref="ChatCommand"/> says which.</summary>
public enum CommandSyntax
{
    /// <summary>Typed as text (Teams, the playground, the command line): one usage line per command.</summary>
    Typed,

    /// <summary>Filled in by the platform's command picker, which asks for each option by name
    /// (Discord's slash commands): a list of options with their kinds.</summary>
    Picker,
}
