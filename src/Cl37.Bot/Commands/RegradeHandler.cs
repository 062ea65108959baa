using Cl37.Bot.Chat;
using Cl37.Bot.Messages;
using Cl37.Bot.Posts;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Commands;

/// <summary>/quiz regrade: a dry run, or with confirm:true the regrade and one public correction per
/// question in the channel.</summary>
public sealed class RegradeHandler(RegradeService regrades, ChatPlatforms platforms, ILogger<RegradeHandler> logger)
{
    public static SubCommandDefinition Definition { get; } = new("regrade", "Regrade stored answers after a deck's key, options or tolerance changed",
    [
        new("deck", "Deck to regrade (default: every deck)", OptionKind.Text, MaxLength: 64),
        new("question", "One question: MCQ 3, or its id", OptionKind.Text, MaxLength: 200),
        new("confirm", "Apply it (without: a dry run that changes nothing)", OptionKind.Boolean),
        new("include_finished", "Regrade finished competitions' standings too", OptionKind.Boolean),
    ], Access: CommandAccess.Admin, Example: "/quiz regrade deck:cl37-model-deployment");

    public async Task<OutgoingMessage> HandleAsync(CommandDefinition command, ChannelInfo channel, ChatCommand request, CancellationToken cancellationToken)
    {
        var includeFinished = ArgumentValidator.Bool(request, "include_finished") == true;
        var apply = ArgumentValidator.Bool(request, "confirm") == true;
        var report = await regrades.RegradeAsync(channel, request.Arg("deck"), request.Arg("question"), apply, includeFinished, cancellationToken);
        if (report is RegradeReport.Done { Applied: true } done && platforms.Find(request.Channel.Platform) is { } platform)
        {
            foreach (var question in done.Questions)
            {
                try
                {
                    await platform.PostAsync(request.Channel, RegradeMessages.Correction(question), cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Posting the correction of {Question} failed", question.Question.Id);
                }
            }
        }
        var again = new List<(string, string)>();
        foreach (var name in new[] { "deck", "question" })
        {
            if (request.Arg(name) is { } value)
                again.Add((name, value));
        }
        again.Add(("confirm", "true"));
        if (includeFinished)
            again.Add(("include_finished", "true"));
        return RegradeMessages.Reply(report, CommandUsage.Invocation(command, Definition.Name, [.. again]));
    }
}
