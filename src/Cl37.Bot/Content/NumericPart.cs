namespace Cl37.Bot.Content;

/// <summary>One expected number: <c>Parallel = 30 seconds</c> is Name "Parallel", 30, "seconds".
/// A person's value v is right when |v − Value| ≤ max(AbsoluteTolerance, RelativeTolerance × |Value|).</summary>
public sealed record NumericPart(string? Name, double Value, string? Unit, double AbsoluteTolerance, double RelativeTolerance);
