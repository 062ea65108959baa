using System.Globalization;

namespace Cl37.Bot.Calculators;

/// <summary>Deck, Numerical 2, with the rule the Kubernetes HPA controller really applies:
/// desiredReplicas = ceil(currentReplicas × currentMetric / targetMetric), skipped while
/// |ratio − 1| ≤ 0.1 (the controller's default --horizontal-pod-autoscaler-tolerance), then
/// bounded by minReplicas and maxReplicas.</summary>
public static class HpaCalculator
{
    public const string Title = "Kubernetes HPA: desired replicas";
    public const string Example = "/calc hpa current_pods:2 current_metric:90 target_metric:60";
    public const string Formula = "Desired pods = ceil(Current_Pods × Current_Metric / Target_Metric), no change while |ratio − 1| ≤ 0.1, then min ≤ pods ≤ max";
    public const decimal Tolerance = 0.1m;
    public const long MaxPods = 100_000;

    public static CalcResult<HpaDecision> Calculate(string? currentPods, string? currentMetric, string? targetMetric, string? min, string? max)
    {
        if (!CalcText.TryWhole(currentPods, out var pods, out var problem))
            return Fail("current_pods", problem);
        if (!KubernetesQuantity.TryParse(currentMetric, out var current, out var currentUnit, out problem))
            return Fail("current_metric", problem);
        if (!KubernetesQuantity.TryParse(targetMetric, out var target, out var targetUnit, out problem))
            return Fail("target_metric", problem);
        // A utilization (%) and a resource quantity (200m) measure different things; plain numbers go with either.
        if ((currentUnit == "%" && targetUnit is not ("" or "%")) || (targetUnit == "%" && currentUnit is not ("" or "%")))
            return Fail("target_metric", $"(`{CalcText.Shorten(targetMetric!.Trim())}`) and `current_metric` (`{CalcText.Shorten(currentMetric!.Trim())}`) must both be percentages or both quantities");
        long? minPods = null;
        long? maxPods = null;
        if (!string.IsNullOrWhiteSpace(min))
        {
            if (!CalcText.TryWhole(min, out var m, out problem))
                return Fail("min", problem);
            minPods = m;
        }
        if (!string.IsNullOrWhiteSpace(max))
        {
            if (!CalcText.TryWhole(max, out var m, out problem))
                return Fail("max", problem);
            maxPods = m;
        }
        var result = Calculate(new HpaInput(pods, current, target, minPods, maxPods));
        if (result.Error is not null || (currentUnit is "" or "%" && targetUnit is "" or "%"))
            return result;
        var read = $"Quantities: {currentMetric!.Trim()} = {CalcText.Format(current)}, {targetMetric!.Trim()} = {CalcText.Format(target)}";
        return result with { Steps = [read, .. result.Steps] };
    }

    public static CalcResult<HpaDecision> Calculate(HpaInput input)
    {
        // Kubernetes treats 0 current replicas as "autoscaling disabled", so there is nothing to compute.
        if (input.CurrentPods < 1)
            return Fail("current_pods", $"must be at least 1, not {input.CurrentPods}");
        if (input.CurrentPods > MaxPods)
            return Fail("current_pods", $"is absurdly large ({CalcText.Format(input.CurrentPods)}; at most {CalcText.Format(MaxPods)})");
        if (input.CurrentMetric < 0)
            return Fail("current_metric", $"cannot be negative ({CalcText.Format(input.CurrentMetric)})");
        if (input.CurrentMetric > CalcText.Huge)
            return Fail("current_metric", $"is absurdly large (at most {CalcText.Format(CalcText.Huge)})");
        if (input.TargetMetric <= 0)
            return Fail("target_metric", $"must be more than 0, not {CalcText.Format(input.TargetMetric)}");
        if (input.TargetMetric > CalcText.Huge)
            return Fail("target_metric", $"is absurdly large (at most {CalcText.Format(CalcText.Huge)})");
        var min = input.Min ?? 1;
        if (min < 1)
            return Fail("min", $"must be at least 1, not {min}");
        if (min > MaxPods)
            return Fail("min", $"is absurdly large (at most {CalcText.Format(MaxPods)})");
        if (input.Max is { } maxValue)
        {
            if (maxValue < 1)
                return Fail("max", $"must be at least 1, not {maxValue}");
            if (maxValue > MaxPods)
                return Fail("max", $"is absurdly large (at most {CalcText.Format(MaxPods)})");
            if (maxValue < min)
                return Fail("max", $"({maxValue}) must not be below `min` ({min})");
        }

        decimal exactDesired;
        decimal ratio;
        try
        {
            ratio = input.CurrentMetric / input.TargetMetric;
            // Multiplying before dividing keeps 6 × 70 / 60 exactly 7 (ratio first would give 7.000…2 and ceil to 8).
            exactDesired = input.CurrentPods * input.CurrentMetric / input.TargetMetric;
        }
        catch (OverflowException)
        {
            return Fail("target_metric", $"is too small next to `current_metric` ({CalcText.Format(input.TargetMetric)} against {CalcText.Format(input.CurrentMetric)}): the ratio cannot be computed");
        }

        var current = CalcText.Format(input.CurrentMetric);
        var target = CalcText.Format(input.TargetMetric);
        var pods = CalcText.Format(input.CurrentPods);
        var steps = new List<string>
        {
            $"Scale factor = Current metric / Target metric = {current} / {target} {CalcText.Eq(ratio)}",
        };

        long desired;
        HpaRule rule;
        if (Math.Abs(input.CurrentMetric - input.TargetMetric) <= Tolerance * input.TargetMetric)
        {
            desired = input.CurrentPods;
            rule = HpaRule.Tolerance;
            steps.Add($"Tolerance check: |{RatioNearTolerance(ratio)} − 1| ≤ 0.1, so the HPA leaves the count alone: {pods} {(input.CurrentPods == 1 ? "pod" : "pods")}");
        }
        else
        {
            var ceiling = decimal.Ceiling(exactDesired);
            if (ceiling > long.MaxValue)
                return Fail("target_metric", $"is too small next to `current_metric` ({target} against {current}): the pod count would be astronomical");
            desired = (long)ceiling;
            rule = HpaRule.Formula;
            steps.Add($"Tolerance check: |{RatioNearTolerance(ratio)} − 1| > 0.1, so the HPA rescales");
            var product = CalcText.IsShownExactly(ratio) ? $"{pods} × {CalcText.Format(ratio)}" : $"{pods} × {current} / {target}";
            steps.Add(exactDesired == ceiling
                ? $"Required pods = ceil(Current pods × Scale factor) = ceil({product}) = {CalcText.Format(desired)}"
                : $"Required pods = ceil(Current pods × Scale factor) = ceil({product}) = ceil({CalcText.Approx(exactDesired)}), round up: {CalcText.Format(desired)}");
        }

        var maxText = input.Max is { } mx ? CalcText.Format(mx) : "unbounded";
        if (desired < min)
        {
            steps.Add($"Check limits: {CalcText.Format(desired)} is below min({CalcText.Format(min)}), so it is raised to {CalcText.Format(min)}");
            desired = min;
            rule = HpaRule.ClampedToMin;
        }
        else if (input.Max is { } max && desired > max)
        {
            steps.Add($"Check limits: {CalcText.Format(desired)} is above max({maxText}), so it is lowered to {maxText}");
            desired = max;
            rule = HpaRule.ClampedToMax;
        }
        else
        {
            steps.Add($"Check limits: {CalcText.Format(desired)} is between min({CalcText.Format(min)}) and max({maxText}) ✓");
        }

        var decidedBy = rule switch
        {
            HpaRule.Tolerance => "within the 10% tolerance, no change",
            HpaRule.Formula => "by the formula",
            HpaRule.ClampedToMin => "clamped to min",
            _ => "clamped to max",
        };
        var answer = $"{CalcText.Format(desired)} {(desired == 1 ? "pod" : "pods")} ({decidedBy})";
        return CalcResults.Ok<HpaDecision>(Title, Formula, new HpaDecision(desired, rule, ratio), steps, answer);
    }

    // Four decimals would show 1.10004 as 1.1 and make "|1.1 − 1| > 0.1" look wrong; near the edge, show more.
    private static string RatioNearTolerance(decimal ratio) =>
        Math.Abs(Math.Abs(ratio - 1) - Tolerance) < 0.0001m
            ? ratio.ToString("0.##########", CultureInfo.InvariantCulture)
            : CalcText.Format(ratio);

    private static CalcResult<HpaDecision> Fail(string argument, string problem) =>
        CalcResults.Fail<HpaDecision>(Title, Formula, $"`{argument}` {problem}; for example `{Example}`.");
}
