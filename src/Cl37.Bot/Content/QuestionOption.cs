namespace Cl37.Bot.Content;

public sealed record QuestionOption(string Key, string Text);
