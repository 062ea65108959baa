namespace Cl37.Bot.Calculators;

/// <summary>Deck, Numerical 5: Docker Image Size = Base + Model_Files + Dependencies.</summary>
public static class DockerCalculator
{
    public const string Title = "Docker image size";
    public const string Example = "/calc docker base:500 model:45 deps:200";
    public const string Formula = "Docker Image Size = Base + Model_Files + Dependencies";

    /// <summary>Largest layer accepted: 10 TB, far beyond any image a registry would take.</summary>
    public const decimal MaxMegabytes = 10_000_000m;

    /// <summary>Reads sizes such as <c>500</c>, <c>500MB</c>, <c>0.5GB</c> or <c>0.5 gb</c>; a bare number is MB.</summary>
    public static CalcResult<decimal> Calculate(string? baseSize, string? model, string? deps)
    {
        if (!TrySize(baseSize, out var b, out var problem))
            return Fail("base", problem);
        if (!TrySize(model, out var m, out problem))
            return Fail("model", problem);
        if (!TrySize(deps, out var d, out problem))
            return Fail("deps", problem);
        return Calculate(new DockerInput(b, m, d));
    }

    public static CalcResult<decimal> Calculate(DockerInput input)
    {
        (string Name, DataSize Size)[] parts = [("base", input.Base), ("model", input.Model), ("deps", input.Deps)];
        foreach (var (name, size) in parts)
        {
            if (size.Amount < 0)
                return Fail(name, $"cannot be negative ({size})");
            if (size.Amount > CalcText.Huge || size.Megabytes > MaxMegabytes)
                return Fail(name, $"is absurdly large ({size}; at most {CalcText.Format(MaxMegabytes / 1_000_000m)} TB)");
        }

        var steps = new List<string> { "Total = Base + Model + Dependencies" };
        var converted = parts.Where(p => p.Size.Unit != SizeUnit.MB).ToList();
        if (converted.Count > 0)
        {
            steps.Add("Convert to MB (1 GB = 1000 MB): " + string.Join(", ",
                converted.Select(p => $"{p.Name} {p.Size} {CalcText.Eq(p.Size.Megabytes)} MB")));
        }
        var total = input.Base.Megabytes + input.Model.Megabytes + input.Deps.Megabytes;
        steps.Add($"Total = {CalcText.Approx(input.Base.Megabytes)} + {CalcText.Approx(input.Model.Megabytes)} + {CalcText.Approx(input.Deps.Megabytes)} {CalcText.Eq(total)} MB");
        var gb = total / 1000m;
        steps.Add($"In GB: {CalcText.Approx(total)} MB / 1000 {CalcText.Eq(gb)} GB");
        return CalcResults.Ok<decimal>(Title, Formula, total, steps, $"{CalcText.Approx(total)} MB ({CalcText.Approx(gb)} GB)");
    }

    private static bool TrySize(string? text, out DataSize size, out string problem)
    {
        size = DataSize.Mb(0);
        var t = (text ?? "").Trim();
        var unitStart = t.Length;
        while (unitStart > 0 && char.IsAsciiLetter(t[unitStart - 1]))
            unitStart--;
        // All letters ("abc", "NaN", "Infinity"): the number parser gives the right message.
        if (unitStart == 0)
        {
            if (!CalcText.TryNumber(t, out var plain, out problem))
                return false;
            size = DataSize.Mb(plain);
            return true;
        }
        var unitText = t[unitStart..].ToUpperInvariant();
        SizeUnit? unit = unitText switch
        {
            "" or "M" or "MB" => SizeUnit.MB,
            "K" or "KB" => SizeUnit.KB,
            "G" or "GB" => SizeUnit.GB,
            "T" or "TB" => SizeUnit.TB,
            _ => null,
        };
        if (unit is null)
        {
            problem = $"has the unit `{CalcText.Shorten(t[unitStart..])}`; use KB, MB, GB or TB";
            return false;
        }
        if (!CalcText.TryNumber(t[..unitStart], out var amount, out problem))
            return false;
        size = new DataSize(amount, unit.Value);
        return true;
    }

    private static CalcResult<decimal> Fail(string argument, string problem) =>
        CalcResults.Fail<decimal>(Title, Formula, $"`{argument}` {problem}; for example `{Example}` or `/calc docker base:0.5GB model:45MB deps:200MB`.");
}
