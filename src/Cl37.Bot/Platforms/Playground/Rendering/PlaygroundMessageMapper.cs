using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Playground.Wire;

namespace Cl37.Bot.Platforms.Playground.Rendering;

/// <summary>Translates the port's messages and command catalog into the page's wire types.</summary>
internal static class PlaygroundMessageMapper
{
    public static MessageDto ToDto(PlaygroundMessage message) =>
        ToDto(message.Message, message.Id, message.Version, message.Time, message.InvokedBy);

    public static MessageDto ToDto(OutgoingMessage message, string? id, long version, DateTimeOffset time, InvocationDto? invokedBy) =>
        new(id, version, time, message.Text, message.Private, ToDto(message.Card), invokedBy,
            message.Files.Count == 0 ? null : [.. message.Files.Select(f => new FileDto(f.FileName, f.MediaType, f.Content.Length, Convert.ToBase64String(f.Content)))]);

    private static CardDto? ToDto(ChatCard? card) => card switch
    {
        null => null,
        QuestionCard q => new QuestionCardDto(
            q.PostId, q.QuestionId, q.Title, q.Prompt, InputName(q.Input),
            [.. q.Options.Select(o => new OptionDto(o.Key, o.Text))],
            q.ShowTally ? q.AnsweredCount : null,
            q.ClosesUtc is { } closes ? new DateTimeOffset(DateTime.SpecifyKind(closes, DateTimeKind.Utc)) : null,
            q.Closed, q.InputHint),
        RevealCard r => new RevealCardDto(
            r.PostId, r.Title, r.Prompt, r.CorrectAnswer, r.Explanation,
            [.. r.Options.Select(o => new RevealOptionDto(o.Key, o.Text, o.Count, o.Percent, o.IsCorrect, o.WhyWrong))],
            r.AnsweredCount, r.CorrectCount, r.FastestCorrect, r.Movement, r.SolutionSteps, r.Outcome),
        TableCard t => new TableCardDto(t.Title, t.Columns, t.Rows, t.Footer),
        StepsCard s => new StepsCardDto(s.Title, s.Formula, s.Steps, s.Answer),
        // A card type added to the port later still reaches the page as its message text.
        _ => null,
    };

    private static string InputName(AnswerInput input) => input switch
    {
        AnswerInput.SingleChoice => "singleChoice",
        AnswerInput.MultiSelect => "multiSelect",
        _ => "freeText",
    };

    public static IReadOnlyList<CommandDto> Catalog(IReadOnlyList<CommandDefinition> commands) =>
    [
        .. commands.Select(c => new CommandDto(
            c.Name, c.Description, c.AdminOnly, c.Example, CommandUsage.Of(c),
            Options(c.Options),
            [.. c.SubCommands.Select(s => new SubCommandDto(s.Name, s.Description, c.AdminOnly || s.AdminOnly, s.Example, CommandUsage.Of(c, s), Options(s.Options)))])),
    ];

    private static IReadOnlyList<CommandOptionDto> Options(IReadOnlyList<OptionDefinition> options) =>
        [.. options.Select(o => new CommandOptionDto(o.Name, o.Description, o.Kind.ToString().ToLowerInvariant(), o.Required, o.Choices, o.MinValue, o.MaxValue))];
}
