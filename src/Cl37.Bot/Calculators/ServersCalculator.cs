namespace Cl37.Bot.Calculators;

/// <summary>Deck, Numerical 3: Server Count = ceil(Peak_RPS / Single_Server_RPS); only when a safety
/// factor is given, × Safety_Factor rounded up (the deck's 1.25 is an example, not a default).</summary>
public static class ServersCalculator
{
    public const string Title = "Servers needed for a peak load";
    public const string Example = "/calc servers peak:200 capacity:50";
    public const string Formula = "Server Count = ceil(Peak_RPS / Single_Server_RPS); with a buffer, ceil(Server Count × Safety_Factor)";
    public const decimal MaxBuffer = 10m;

    public static CalcResult<ServerCount> Calculate(string? peak, string? capacity, string? buffer)
    {
        if (!CalcText.TryNumber(peak, out var p, out var problem))
            return Fail("peak", problem);
        if (!CalcText.TryNumber(capacity, out var c, out problem))
            return Fail("capacity", problem);
        decimal? b = null;
        if (!string.IsNullOrWhiteSpace(buffer))
        {
            if (!CalcText.TryNumber(buffer, out var given, out problem))
                return Fail("buffer", problem);
            b = given;
        }
        return Calculate(new ServersInput(p, c, b));
    }

    public static CalcResult<ServerCount> Calculate(ServersInput input)
    {
        if (input.Peak <= 0)
            return Fail("peak", $"must be more than 0 requests per second, not {CalcText.Format(input.Peak)}");
        if (input.Peak > CalcText.Huge)
            return Fail("peak", $"is absurdly large (at most {CalcText.Format(CalcText.Huge)})");
        if (input.Capacity <= 0)
            return Fail("capacity", $"must be more than 0 requests per second per server, not {CalcText.Format(input.Capacity)}");
        if (input.Capacity > CalcText.Huge)
            return Fail("capacity", $"is absurdly large (at most {CalcText.Format(CalcText.Huge)})");
        if (input.Buffer < 1)
            return Fail("buffer", $"is a safety factor of at least 1 (1.25 adds 25%), not {CalcText.Format(input.Buffer.Value)}");
        if (input.Buffer > MaxBuffer)
            return Fail("buffer", $"is absurdly large ({CalcText.Format(input.Buffer.Value)}; at most {CalcText.Format(MaxBuffer)})");

        decimal exact;
        try
        {
            exact = input.Peak / input.Capacity;
        }
        catch (OverflowException)
        {
            return Fail("capacity", $"is too small next to `peak` ({CalcText.Format(input.Capacity)} against {CalcText.Format(input.Peak)})");
        }
        var minimum = decimal.Ceiling(exact);
        // Beyond 10^15 servers the answer is meaningless; it also keeps minimum × buffer inside decimal and long.
        if (minimum > 1_000_000_000_000_000m)
            return Fail("capacity", $"is too small next to `peak` ({CalcText.Format(input.Capacity)} against {CalcText.Format(input.Peak)}): that would be over 10^15 servers");
        var peak = CalcText.Format(input.Peak);
        var capacity = CalcText.Format(input.Capacity);
        var steps = new List<string>
        {
            "Minimum instances needed = Peak demand / Server capacity",
            exact == minimum
                ? $"Minimum instances = {peak} / {capacity} = {CalcText.Format(minimum)}"
                : $"Minimum instances = {peak} / {capacity} {CalcText.Eq(exact)}, round up: {CalcText.Format(minimum)}",
        };
        if (input.Buffer is not { } factor)
        {
            steps.Add("No buffer given: for a reserve, add a safety factor as the third number (1.25 adds 25%)");
            var alone = new ServerCount((long)minimum, null);
            return CalcResults.Ok<ServerCount>(Title, Formula, alone, steps, $"{CalcText.Format(minimum)} {Noun(minimum)}");
        }
        var buffered = minimum * factor;
        var withBuffer = decimal.Ceiling(buffered);
        steps.Add(buffered == withBuffer
            ? $"Add buffer for reliability (typically 20-50%): {CalcText.Format(minimum)} × {CalcText.Format(factor)} = {CalcText.Format(withBuffer)}"
            : $"Add buffer for reliability (typically 20-50%): {CalcText.Format(minimum)} × {CalcText.Format(factor)} {CalcText.Eq(buffered)}, round up: {CalcText.Format(withBuffer)}");
        var result = new ServerCount((long)minimum, (long)withBuffer);
        var answer = $"{CalcText.Format(withBuffer)} {Noun(withBuffer)} ({CalcText.Format(minimum)} minimum, {CalcText.Format(withBuffer)} with buffer)";
        return CalcResults.Ok<ServerCount>(Title, Formula, result, steps, answer);
    }

    private static string Noun(decimal count) => count == 1 ? "server instance" : "server instances";

    private static CalcResult<ServerCount> Fail(string argument, string problem) =>
        CalcResults.Fail<ServerCount>(Title, Formula, $"`{argument}` {problem}; for example `{Example}`.");
}
