using Cl37.Bot.Calculators;
using Cl37.Bot.Content;

namespace Cl37.Bot.Hosting;

/// <summary>The command-line verbs that run without starting the host.</summary>
public static class CommandLine
{
    /// <summary>Runs a verb (<c>calc …</c>, <c>deck check …</c>) and returns its exit code, or null to start the host.</summary>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter output)
    {
        if (args.Length == 0)
            return null;
        return args[0] switch
        {
            "calc" => CalcCommandLine.Run(args[1..], output),
            "deck" => await DeckCommandLine.RunAsync(args[1..], output),
            "teams" => Platforms.Teams.TeamsPackageCommand.Run(args[1..], output),
            _ => null,
        };
    }
}
