namespace Cl37.Bot.Quiz.Memory;

/// <summary>FSRS-6 as a long-term scheduler, written from the FSRS wiki ("The Algorithm") and the
/// open-spaced-repetition documentation: a power forgetting curve with the decay w20, the first
/// stability w0…w3 by grade, difficulty with linear damping and mean reversion to D0(Easy), the
/// stability after a recall (w8…w10, Hard's w15 and Easy's w16) and after a lapse (w11…w14, never
/// above the stability before it). Reviews are counted in whole UTC calendar days since the last
/// one, so a second review on the same day finds R = 1 and leaves the stability where it was; the
/// same-day weights w17…w19 belong to learning steps, which this scheduler does not have. There is
/// no fuzz: the interval is the one that brings recall down to the requested retention, rounded, and
/// the four grades' intervals are kept strictly in order (Again ≤ Hard &lt; Good &lt; Easy), as
/// ts-fsrs's long-term scheduler does. Pure; time comes in as arguments.</summary>
public sealed class Fsrs(FsrsParameters parameters)
{
    private const double MinStability = 0.001;
    private const double MaxStability = 36500;
    private const double MinDifficulty = 1;
    private const double MaxDifficulty = 10;

    private readonly IReadOnlyList<double> _w = parameters.W.Count == 21
        ? parameters.W
        : throw new ArgumentException("FSRS-6 has 21 weights.", nameof(parameters));

    private readonly double _decay = parameters.W[20];
    private readonly double _factor = Math.Pow(0.9, -1 / parameters.W[20]) - 1;

    public static Fsrs Default { get; } = new(FsrsParameters.Default);

    public FsrsParameters Parameters => parameters;

    /// <summary>The chance of recall <paramref name="days"/> after a review that left <paramref name="stability"/>.</summary>
    public double Retrievability(double days, double stability) =>
        Math.Pow(1 + _factor * Math.Max(days, 0) / stability, -_decay);

    /// <summary>The chance of recall at <paramref name="atUtc"/>, in fractional days since the last review.</summary>
    public double Retrievability(MemoryState state, DateTime atUtc) =>
        Retrievability((atUtc - state.LastReviewUtc).TotalDays, state.Stability);

    /// <summary>Whole UTC calendar days between two reviews.</summary>
    public static int ElapsedDays(DateTime lastUtc, DateTime nowUtc) => Math.Max(0, (nowUtc.Date - lastUtc.Date).Days);

    /// <summary>The state after a review at <paramref name="atUtc"/> graded <paramref name="rating"/>;
    /// <paramref name="before"/> is null for the first one.</summary>
    public MemoryState Review(MemoryState? before, DateTime atUtc, Rating rating)
    {
        Span<double> stability = stackalloc double[4];
        double difficulty;
        if (before is null)
        {
            for (var g = 1; g <= 4; g++)
                stability[g - 1] = _w[g - 1];
            difficulty = InitialDifficulty(rating);
        }
        else
        {
            var r = Retrievability(ElapsedDays(before.LastReviewUtc, atUtc), before.Stability);
            for (var g = 1; g <= 4; g++)
                stability[g - 1] = NextStability(before.Stability, before.Difficulty, r, (Rating)g);
            difficulty = NextDifficulty(before.Difficulty, rating);
        }

        var again = Interval(stability[0]);
        var hard = Interval(stability[1]);
        again = Math.Min(again, hard);
        hard = Math.Max(hard, again + 1);
        var good = Math.Max(Interval(stability[2]), hard + 1);
        var easy = Math.Max(Interval(stability[3]), good + 1);
        var interval = rating switch
        {
            Rating.Again => again,
            Rating.Hard => hard,
            Rating.Good => good,
            _ => easy,
        };
        return new MemoryState(stability[(int)rating - 1], difficulty, atUtc, interval);
    }

    /// <summary>The stabilities a review at <paramref name="atUtc"/> would leave if wrong (Again) and if
    /// right (Good), equal to <see cref="Review"/>'s without working out every grade's interval: the
    /// exam forecasts need only these, for every person and question.</summary>
    public (double Again, double Good) StabilitiesAfter(MemoryState? before, DateTime atUtc)
    {
        if (before is null)
            return (_w[0], _w[2]);
        var r = Retrievability(ElapsedDays(before.LastReviewUtc, atUtc), before.Stability);
        return (NextStability(before.Stability, before.Difficulty, r, Rating.Again), NextStability(before.Stability, before.Difficulty, r, Rating.Good));
    }

    /// <summary>Days until recall falls to the requested retention, at least one.</summary>
    public int Interval(double stability)
    {
        var days = stability / _factor * (Math.Pow(parameters.RequestRetention, -1 / _decay) - 1);
        return (int)Math.Clamp(Math.Round(days, MidpointRounding.AwayFromZero), 1, parameters.MaximumIntervalDays);
    }

    private double InitialDifficulty(Rating rating) =>
        Math.Clamp(_w[4] - Math.Exp(_w[5] * ((int)rating - 1)) + 1, MinDifficulty, MaxDifficulty);

    private double NextDifficulty(double d, Rating rating)
    {
        var delta = -_w[6] * ((int)rating - 3);
        var damped = d + delta * (10 - d) / 9;
        var easyStart = _w[4] - Math.Exp(_w[5] * 3) + 1;
        return Math.Clamp(_w[7] * easyStart + (1 - _w[7]) * damped, MinDifficulty, MaxDifficulty);
    }

    private double NextStability(double s, double d, double r, Rating rating)
    {
        if (rating == Rating.Again)
        {
            var lapse = _w[11] * Math.Pow(d, -_w[12]) * (Math.Pow(s + 1, _w[13]) - 1) * Math.Exp(_w[14] * (1 - r));
            return Math.Clamp(Math.Min(lapse, s), MinStability, MaxStability);
        }
        var hardPenalty = rating == Rating.Hard ? _w[15] : 1;
        var easyBonus = rating == Rating.Easy ? _w[16] : 1;
        var gain = Math.Exp(_w[8]) * (11 - d) * Math.Pow(s, -_w[9]) * (Math.Exp(_w[10] * (1 - r)) - 1) * hardPenalty * easyBonus;
        return Math.Clamp(s * (1 + gain), MinStability, MaxStability);
    }
}
