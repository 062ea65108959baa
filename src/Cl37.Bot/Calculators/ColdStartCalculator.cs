namespace Cl37.Bot.Calculators;

/// <summary>Deck, Numerical 4: in parallel the slowest model decides; sequentially the times add up.</summary>
public static class ColdStartCalculator
{
    public const string Title = "Cold start: parallel vs sequential";
    public const string Example = "/calc coldstart times:30 models:3";
    public const string ListExample = "/calc coldstart times:30,45,60";
    public const string Formula = "Cold Start (Sequential) = Cold_Time × Number_of_Models (or the sum of the times); Parallel = the slowest model's time";
    public const int MaxModels = 1000;
    public const decimal MaxSeconds = 1_000_000m;

    /// <summary>Reads <c>30</c> (with a model count) or a list <c>30,45,60</c>; a trailing <c>s</c> is allowed.</summary>
    public static CalcResult<ColdStartTimes> Calculate(string? times, string? models)
    {
        var parts = CalcText.SplitList(times ?? "");
        if (parts.Length == 0)
            return Fail("times", "are missing: give the load time in seconds, or a list of times");
        if (parts.Length > MaxModels)
            return Fail("times", $"lists {parts.Length} times, more than the {MaxModels} this calculator takes");
        var values = new decimal[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i].EndsWith('s') ? parts[i][..^1] : parts[i];
            if (!CalcText.TryNumber(part, out values[i], out var problem))
                return Fail("times", parts.Length == 1 ? problem : $"number {i + 1} {problem}");
        }
        var count = 1L;
        if (!string.IsNullOrWhiteSpace(models) && !CalcText.TryWhole(models, out count, out var modelProblem))
            return Fail("models", modelProblem);
        if (count < 1)
            return Fail("models", $"must be at least 1, not {count}");
        if (count > MaxModels)
            return Fail("models", $"is absurdly large ({CalcText.Format(count)}; at most {MaxModels})");
        return Calculate(new ColdStartInput(values, (int)count));
    }

    public static CalcResult<ColdStartTimes> Calculate(ColdStartInput input)
    {
        var times = input.Times;
        if (times.Count == 0)
            return Fail("times", "are missing: give the load time in seconds, or a list of times");
        if (times.Count > MaxModels)
            return Fail("times", $"lists {times.Count} times, more than the {MaxModels} this calculator takes");
        if (input.Models < 1)
            return Fail("models", $"must be at least 1, not {input.Models}");
        if (input.Models > MaxModels)
            return Fail("models", $"is absurdly large ({CalcText.Format(input.Models)}; at most {MaxModels})");
        if (times.Count > 1 && input.Models != 1)
            return Fail("models", "only goes with a single time (in a list every model has its own time)");
        for (var i = 0; i < times.Count; i++)
        {
            var which = times.Count == 1 ? "" : $"number {i + 1} ";
            if (times[i] <= 0)
                return Fail("times", $"{which}must be more than 0 seconds, not {CalcText.Format(times[i])}");
            if (times[i] > MaxSeconds)
                return Fail("times", $"{which}is absurdly large ({CalcText.Format(times[i])} s; at most {CalcText.Format(MaxSeconds)} s)");
        }

        List<string> steps;
        ColdStartTimes result;
        if (times.Count == 1)
        {
            var t = times[0];
            result = new ColdStartTimes(t, t * input.Models);
            steps =
            [
                $"Simultaneously (parallel): all start at the same time, so total time = {S(t)} (all models load in parallel)",
                $"Sequentially (one after another): total time = {CalcText.Format(t)} × {input.Models} = {S(result.Sequential)}",
            ];
        }
        else
        {
            result = new ColdStartTimes(times.Max(), times.Sum());
            steps =
            [
                $"Simultaneously (parallel): all start at the same time, so the slowest decides: total time = max({string.Join(", ", times.Select(CalcText.Format))}) = {S(result.Parallel)}",
                $"Sequentially (one after another): total time = {string.Join(" + ", times.Select(CalcText.Format))} = {S(result.Sequential)}",
            ];
        }
        return CalcResults.Ok<ColdStartTimes>(Title, Formula, result, steps,
            $"Parallel = {S(result.Parallel)}, Sequential = {S(result.Sequential)}");
    }

    private static string S(decimal seconds) => $"{CalcText.Format(seconds)} {(seconds == 1 ? "second" : "seconds")}";

    private static CalcResult<ColdStartTimes> Fail(string argument, string problem) =>
        CalcResults.Fail<ColdStartTimes>(Title, Formula, $"`{argument}` {problem}; for example `{Example}` or `{ListExample}`.");
}
