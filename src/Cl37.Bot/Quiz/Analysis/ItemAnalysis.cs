namespace Cl37.Bot.Quiz.Analysis;

/// <summary>Item analysis as Moodle's quiz statistics report does it, for a chat group where people
/// answer different subsets: facility is the mean score; discrimination is 100 × Pearson's r between
/// the item score and the person's mean score on the other items they answered (Moodle correlates with
/// the rest of the attempt; a mean keeps people with fewer answers comparable). Strong scorers are the
/// top <see cref="StrongShare"/> of people by mean score, read on the rest of the items for each
/// item. Pure and linear in the number of responses.</summary>
public static class ItemAnalysis
{
    /// <summary>Discrimination is shown only with at least this many answerers who also answered something else.</summary>
    public const int MinAnswerersForDiscrimination = 10;

    /// <summary>Flags are raised only with at least this many answers.</summary>
    public const int MinAnswersForFlags = 10;

    /// <summary>The wrong-key check needs at least this many strong scorers among the answerers.</summary>
    public const int MinStrongAnswerers = 5;

    /// <summary>The classic upper group of item analysis: the top 27%.</summary>
    public const double StrongShare = 0.27;

    /// <summary>Facility (percent) at or above which almost everyone is right.</summary>
    public const double NearlyAllRightFacility = 90;

    /// <summary>Facility (percent) at or below which almost everyone is wrong.</summary>
    public const double NearlyAllWrongFacility = 10;

    public const int MaxOptions = 31;

    /// <summary>Each (person, item) pair at most once; person indexes below <paramref name="people"/>.</summary>
    public static ItemStatistics[] Compute(IReadOnlyList<ItemDefinition> items, ReadOnlySpan<ItemResponse> responses, int people)
    {
        var itemCount = items.Count;
        var total = new double[people];
        var answered = new int[people];
        foreach (ref readonly var r in responses)
        {
            total[r.Person] += r.Score;
            answered[r.Person]++;
        }

        var strongFrom = StrongThreshold(total, answered);

        var n = new int[itemCount];
        var sumScore = new double[itemCount];
        // Sums for the correlation with the rest: count, Σx, Σy, Σx², Σy², Σxy per item.
        var rest = new double[itemCount * 6];
        var options = new int[itemCount * MaxOptions];
        var strong = new int[itemCount];
        var strongOptions = new int[itemCount * MaxOptions];
        foreach (ref readonly var r in responses)
        {
            var i = r.Item;
            double x = r.Score;
            n[i]++;
            sumScore[i] += x;
            var choices = r.Choices;
            var isStrong = false;
            if (answered[r.Person] >= 2)
            {
                var y = (total[r.Person] - x) / (answered[r.Person] - 1);
                var s = i * 6;
                rest[s]++;
                rest[s + 1] += x;
                rest[s + 2] += y;
                rest[s + 3] += x * x;
                rest[s + 4] += y * y;
                rest[s + 5] += x * y;
                isStrong = y >= strongFrom;
            }
            if (isStrong)
                strong[i]++;
            while (choices != 0)
            {
                var bit = System.Numerics.BitOperations.TrailingZeroCount(choices);
                choices &= choices - 1;
                if (bit >= MaxOptions)
                    break;
                options[i * MaxOptions + bit]++;
                if (isStrong)
                    strongOptions[i * MaxOptions + bit]++;
            }
        }

        var result = new ItemStatistics[itemCount];
        for (var i = 0; i < itemCount; i++)
            result[i] = Item(items[i], n[i], sumScore[i], rest.AsSpan(i * 6, 6), options.AsSpan(i * MaxOptions, MaxOptions), strong[i], strongOptions.AsSpan(i * MaxOptions, MaxOptions));
        return result;
    }

    private static ItemStatistics Item(ItemDefinition item, int answers, double sumScore, ReadOnlySpan<double> rest, ReadOnlySpan<int> options, int strong, ReadOnlySpan<int> strongOptions)
    {
        double? facility = answers == 0 ? null : 100 * sumScore / answers;
        double? discrimination = null;
        if (rest[0] >= MinAnswerersForDiscrimination)
        {
            var (m, sx, sy, sxx, syy, sxy) = (rest[0], rest[1], rest[2], rest[3], rest[4], rest[5]);
            var varianceX = m * sxx - sx * sx;
            var varianceY = m * syy - sy * sy;
            // Below this, a spread is rounding noise (everyone scored the same).
            if (varianceX > 1e-9 * m * m && varianceY > 1e-9 * m * m)
                discrimination = Math.Clamp(100 * (m * sxy - sx * sy) / Math.Sqrt(varianceX * varianceY), -100, 100);
        }

        var optionCount = Math.Min(item.OptionCount, MaxOptions);
        var counts = options[..optionCount].ToArray();
        var unused = new List<int>();
        var suspect = new List<int>();
        var flags = ItemFlags.None;
        if (answers >= MinAnswersForFlags)
        {
            for (var o = 0; o < optionCount; o++)
            {
                if (!IsKey(item, o) && counts[o] == 0)
                    unused.Add(o);
            }
            if (facility >= NearlyAllRightFacility)
                flags |= ItemFlags.NearlyAllRight;
            else if (facility <= NearlyAllWrongFacility)
                flags |= ItemFlags.NearlyAllWrong;
        }
        if (answers >= MinAnswersForFlags && strong >= MinStrongAnswerers && optionCount > 0)
        {
            var weakestKey = int.MaxValue;
            for (var o = 0; o < optionCount; o++)
            {
                if (IsKey(item, o))
                    weakestKey = Math.Min(weakestKey, strongOptions[o]);
            }
            for (var o = 0; o < optionCount; o++)
            {
                if (!IsKey(item, o) && weakestKey != int.MaxValue && strongOptions[o] > weakestKey)
                    suspect.Add(o);
            }
        }
        if (unused.Count > 0)
            flags |= ItemFlags.UnusedDistractor;
        if (suspect.Count > 0)
            flags |= ItemFlags.PossibleWrongKey;
        if (discrimination < 0)
            flags |= ItemFlags.NegativeDiscrimination;
        return new ItemStatistics(item.TimesAsked, answers, facility, discrimination, counts, unused, suspect, flags);
    }

    private static bool IsKey(ItemDefinition item, int option) => (item.KeyMask & (1 << option)) != 0;

    /// <summary>The mean score from which a person is among the strongest <see cref="StrongShare"/>
    /// (of those who answered at least two items); infinity when nobody qualifies.</summary>
    private static double StrongThreshold(double[] total, int[] answered)
    {
        var means = new List<double>(total.Length);
        for (var p = 0; p < total.Length; p++)
        {
            if (answered[p] >= 2)
                means.Add(total[p] / answered[p]);
        }
        if (means.Count == 0)
            return double.PositiveInfinity;
        means.Sort();
        var strongCount = Math.Max(1, (int)Math.Ceiling(StrongShare * means.Count));
        return means[means.Count - strongCount];
    }
}
