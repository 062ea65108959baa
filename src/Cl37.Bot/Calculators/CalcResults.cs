namespace Cl37.Bot.Calculators;

internal static class CalcResults
{
    public static CalcResult<T> Ok<T>(string title, string formula, T value, IReadOnlyList<string> steps, string answer) =>
        new(title, formula, value, steps, answer, null);

    public static CalcResult<T> Fail<T>(string title, string formula, string error) =>
        new(title, formula, default, [], "", error);
}
