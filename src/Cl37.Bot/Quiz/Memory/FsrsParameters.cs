namespace Cl37.Bot.Quiz.Memory;

/// <summary>FSRS-6's 21 weights and the retention the intervals aim for.</summary>
public sealed record FsrsParameters(IReadOnlyList<double> W, double RequestRetention = 0.9, int MaximumIntervalDays = 36500)
{
    /// <summary>FSRS-6's published defaults (the FSRS wiki, "The Algorithm"; ts-fsrs and fsrs-rs ship the same).</summary>
    public static FsrsParameters Default { get; } = new(
    [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]);
}
