namespace Cl37.Bot.Quiz.Grading;

/// <summary>The units an answer may be converted between: data sizes (decimal, as the course
/// computes 500 MB + 245 MB = 745 MB = 0.745 GB) and durations.</summary>
internal static class Units
{
    private static readonly Dictionary<string, (string Dimension, double Factor)> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["b"] = ("size", 1e-6),
        ["bytes"] = ("size", 1e-6),
        ["kb"] = ("size", 1e-3),
        ["mb"] = ("size", 1),
        ["gb"] = ("size", 1e3),
        ["tb"] = ("size", 1e6),
        ["ms"] = ("time", 1e-3),
        ["millisecond"] = ("time", 1e-3),
        ["milliseconds"] = ("time", 1e-3),
        ["s"] = ("time", 1),
        ["sec"] = ("time", 1),
        ["secs"] = ("time", 1),
        ["second"] = ("time", 1),
        ["seconds"] = ("time", 1),
        ["min"] = ("time", 60),
        ["mins"] = ("time", 60),
        ["minute"] = ("time", 60),
        ["minutes"] = ("time", 60),
        ["h"] = ("time", 3600),
        ["hour"] = ("time", 3600),
        ["hours"] = ("time", 3600),
    };

    public static (string Dimension, double Factor)? Find(string? unit) =>
        unit is not null && Table.TryGetValue(unit.Trim(), out var u) ? u : null;
}
