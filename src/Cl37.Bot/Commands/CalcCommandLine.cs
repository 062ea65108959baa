using Cl37.Bot.Chat;
using Cl37.Bot.Messages;

namespace Cl37.Bot.Commands;

/// <summary><c>cl37bot calc …</c>: the chat command's calculators on the command line, parsed by the
/// same parser and checked by the same validator, so both accept exactly the same input.</summary>
public static class CalcCommandLine
{
    public const int Ok = 0;
    public const int BadInput = 2;

    private static readonly ChannelRef CliChannel = new("cli", "cli", "cli");
    private static readonly ChatUser User = new("cli", "cli", false);

    /// <summary>Prints the worked answer to <paramref name="output"/>; what is wrong with the input, with usage, to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var definition = CalcCommand.Definition;
        if (args is ["help" or "--help" or "-h" or "-?"])
        {
            output.WriteLine("Usage (the same as the chat command /calc):");
            output.WriteLine(CommandUsage.Of(definition));
            return Ok;
        }

        var parsed = CommandTextParser.Parse(new CommandCatalog([definition]), "calc " + string.Join(' ', args.Select(Quote)), CliChannel, User);
        if (parsed.Command is not { } command)
        {
            error.WriteLine(ConsoleText.Plain(CommandMessages.Describe(parsed.Error!)));
            return BadInput;
        }
        var sub = command.SubCommand is null ? null : definition.FindSubCommand(command.SubCommand);
        if (ArgumentValidator.Validate(command, definition, sub) is { } invalid)
        {
            error.WriteLine(ConsoleText.Plain(HelpMessages.Describe(invalid)));
            error.WriteLine($"Usage: {CommandUsage.Of(definition, sub)}");
            error.WriteLine($"Example: {CommandUsage.Example(definition, sub)}");
            return BadInput;
        }

        // The calculators' methods are static, so they need no services from a host.
        await using var noServices = new ServiceCollection().BuildServiceProvider();
        var reply = await CalcCommand.Unit.RunAsync(noServices, command, CancellationToken.None);
        if (reply.Card is not StepsCard card)
        {
            error.WriteLine(ConsoleText.Plain(reply.Text));
            return BadInput;
        }
        output.WriteLine(card.Title);
        output.WriteLine("Formula: " + card.Formula);
        output.WriteLine("Solution Steps:");
        for (var i = 0; i < card.Steps.Count; i++)
            output.WriteLine($"  {i + 1}. {card.Steps[i]}");
        output.WriteLine("Final Answer: " + card.Answer);
        return Ok;
    }

    // The shell already split the words; quoting keeps an argument such as "0.5 GB" one token for the parser.
    private static string Quote(string arg) => arg.Any(char.IsWhiteSpace) ? "\"" + arg.Replace("\"", "", StringComparison.Ordinal) + "\"" : arg;
}
