using Cl37.Bot.Chat;
using Cl37.Bot.Messages;
using Cl37.Bot.Posts;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Commands;

/// <summary>/quiz regrade: a dry run, or with confirm:true the regrade and one public correction per
/// question in the channel.</summary>
public sealed class RegradeHandler(ChannelDirectory channels, RegradeService regrades, ChatPlatforms platforms, ILogger<RegradeHandler> logger)
{
    public static SubCommandUnit Regrade { get; } = SubCommandUnit.Bind<RegradeHandler, (string? Deck, string? Question, bool Apply, bool IncludeFinished)>(
        new("regrade", "Regrade stored answers after a deck's key, options or tolerance changed",
        [
            new("deck", "Deck to regrade (default: every deck)", OptionKind.Text, MaxLength: 64),
            new("question", "One question: MCQ 3, or its id", OptionKind.Text, MaxLength: 200),
            new("confirm", "Apply it (without: a dry run that changes nothing)", OptionKind.Boolean),
            new("include_finished", "Regrade finished competitions' standings too", OptionKind.Boolean),
        ], Access: CommandAccess.Admin, Example: "/quiz regrade deck:cl37-model-deployment"),
        c => (c.Arg("deck"), c.Arg("question"), ArgumentValidator.Bool(c, "confirm") == true, ArgumentValidator.Bool(c, "include_finished") == true),
        (handler, args, context, ct) => handler.RegradeAsync(context, args.Deck, args.Question, args.Apply, args.IncludeFinished, ct));

    public async Task<OutgoingMessage> RegradeAsync(CommandContext context, string? deck, string? question, bool apply, bool includeFinished, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(context.Channel, cancellationToken);
        var report = await regrades.RegradeAsync(channel, deck, question, apply, includeFinished, cancellationToken);
        if (report is RegradeReport.Done { Applied: true } done && platforms.Find(context.Channel.Platform) is { } platform)
        {
            foreach (var corrected in done.Questions)
            {
                try
                {
                    await platform.PostAsync(context.Channel, RegradeMessages.Correction(corrected), cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Posting the correction of {Question} failed", corrected.Question.Id);
                }
            }
        }
        var again = new List<(string, string)>();
        if (deck is not null)
            again.Add(("deck", deck));
        if (question is not null)
            again.Add(("question", question));
        again.Add(("confirm", "true"));
        if (includeFinished)
            again.Add(("include_finished", "true"));
        return RegradeMessages.Reply(report, CommandUsage.Invocation(QuizCommand.Definition, Regrade.Definition.Name, [.. again]));
    }
}
