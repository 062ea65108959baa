using Cl37.Bot.Chat;
using Cl37.Bot.Messages;
using Cl37.Bot.Quiz;
using Cl37.Bot.Quiz.Analysis;

namespace Cl37.Bot.Commands;

/// <summary>/quiz analysis: item analysis of the questions asked in this group, for deck authors.</summary>
public sealed class AnalysisHandler(ChannelDirectory channels, ItemAnalysisService analysis)
{
    public static SubCommandUnit Analysis { get; } = SubCommandUnit.Bind<AnalysisHandler, (string? Deck, bool Csv)>(
        new("analysis", "Item analysis for deck authors: facility, discrimination, distractors",
        [
            new("deck", "Deck to analyse (default: every deck asked here)", OptionKind.Text, MaxLength: 64),
            new("format", "table, or csv to export", OptionKind.Text, Choices: ["table", "csv"]),
        ], Access: CommandAccess.Admin, Example: "/quiz analysis"),
        c => (c.Arg("deck"), string.Equals(c.Arg("format"), "csv", StringComparison.OrdinalIgnoreCase)),
        (handler, args, context, ct) => handler.AnalyseAsync(context, args.Deck, args.Csv, ct));

    public async Task<OutgoingMessage> AnalyseAsync(CommandContext context, string? deck, bool csv, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(context.Channel, cancellationToken);
        return ItemAnalysisMessages.Reply(await analysis.AnalyseAsync(channel.GroupId, deck, cancellationToken), csv);
    }
}
