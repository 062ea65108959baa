namespace Cl37.Bot.Calculators;

/// <summary>A calculation's outcome: the value with its title, formula, worked steps and answer,
/// or one sentence saying which argument is wrong (with a right example).</summary>
public sealed record CalcResult<T>(
    string Title,
    string Formula,
    T? Value,
    IReadOnlyList<string> Steps,
    string Answer,
    string? Error)
{
    public bool Succeeded => Error is null;
}
