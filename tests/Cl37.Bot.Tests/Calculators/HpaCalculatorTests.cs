using Cl37.Bot.Calculators;
using CsCheck;

namespace Cl37.Bot.Tests.Calculators;

public sealed class HpaCalculatorTests
{
    [Fact]
    public void Calculate_DeckNumerical2_Gives3ByTheFormula()
    {
        var result = HpaCalculator.Calculate("2", "90", "60", "2", "10");

        var decision = CalcAssert.Succeeds(result);
        Assert.Equal(new HpaDecision(3, HpaRule.Formula, 1.5m), decision);
        Assert.Equal(
        [
            "Scale factor = Current metric / Target metric = 90 / 60 = 1.5",
            "Tolerance check: |1.5 − 1| > 0.1, so the HPA rescales",
            "Required pods = ceil(Current pods × Scale factor) = ceil(2 × 1.5) = 3",
            "Check limits: 3 is between min(2) and max(10) ✓",
        ], result.Steps);
        Assert.Equal("3 pods (by the formula)", result.Answer);
    }

    [Theory]
    [InlineData("90%", "60%", 3, HpaRule.Formula)]
    [InlineData("200m", "100m", 4, HpaRule.Formula)]
    [InlineData("300m", "0.2", 3, HpaRule.Formula)]
    [InlineData("1.5", "1", 3, HpaRule.Formula)]
    [InlineData("1.05", "1", 2, HpaRule.Tolerance)]
    [InlineData("1Gi", "512Mi", 4, HpaRule.Formula)]
    [InlineData("66%", "60", 2, HpaRule.Tolerance)]
    public void Calculate_KubernetesQuantities_ReadAsKubectlWritesThem(string current, string target, long desired, HpaRule rule)
    {
        var decision = CalcAssert.Succeeds(HpaCalculator.Calculate("2", current, target, null, null));

        Assert.Equal(desired, decision.Desired);
        Assert.Equal(rule, decision.Rule);
    }

    [Fact]
    public void Calculate_MilliCpu_ShowsTheConversionFirst()
    {
        var result = HpaCalculator.Calculate("2", "200m", "500m", null, "10");

        Assert.Equal("Quantities: 200m = 0.2, 500m = 0.5", result.Steps[0]);
        Assert.Equal("Scale factor = Current metric / Target metric = 0.2 / 0.5 = 0.4", result.Steps[1]);
        Assert.Equal(1, CalcAssert.Succeeds(result).Desired);
    }

    [Theory]
    [InlineData("80%", "500m")]
    [InlineData("200m", "60%")]
    [InlineData("80 %", "1Ki")]
    public void Calculate_PercentAgainstQuantity_Refused(string current, string target)
    {
        var result = HpaCalculator.Calculate("2", current, target, null, null);

        CalcAssert.FailsOn(result, "target_metric");
        Assert.Contains("must both be percentages or both quantities", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_DefaultsMinOneMaxUnbounded()
    {
        var result = HpaCalculator.Calculate("2", "90", "60", null, null);

        Assert.Equal(3, CalcAssert.Succeeds(result).Desired);
        Assert.Equal("Check limits: 3 is between min(1) and max(unbounded) ✓", result.Steps[^1]);
    }

    [Theory]
    [InlineData(4, 64, 60)]   // ratio 1.067
    [InlineData(4, 66, 60)]   // ratio exactly 1.1: the tolerance is inclusive
    [InlineData(4, 54, 60)]   // ratio exactly 0.9
    [InlineData(7, 60, 60)]
    public void Calculate_WithinTolerance_NoChange(long pods, decimal current, decimal target)
    {
        var result = HpaCalculator.Calculate(new HpaInput(pods, current, target));

        var decision = CalcAssert.Succeeds(result);
        Assert.Equal(pods, decision.Desired);
        Assert.Equal(HpaRule.Tolerance, decision.Rule);
        Assert.Contains("≤ 0.1", result.Steps[1], StringComparison.Ordinal);
        Assert.Contains("no change", result.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, 67, 60, 5)]    // ratio 1.117, just past the tolerance: ceil(4.47) = 5
    [InlineData(10, 53, 60, 9)]   // ratio 0.883: scale down to ceil(8.83) = 9
    [InlineData(6, 70, 60, 7)]    // 6 × 70 / 60 is exactly 7, not 8
    [InlineData(3, 80, 60, 4)]
    public void Calculate_OutsideTolerance_UsesTheFormula(long pods, decimal current, decimal target, long expected)
    {
        var decision = CalcAssert.Succeeds(HpaCalculator.Calculate(new HpaInput(pods, current, target)));

        Assert.Equal(expected, decision.Desired);
        Assert.Equal(HpaRule.Formula, decision.Rule);
    }

    [Fact]
    public void Calculate_JustPastTolerance_ShowsEnoughDigitsToSeeIt()
    {
        var result = HpaCalculator.Calculate(new HpaInput(10, 110.004m, 100));

        Assert.Equal(HpaRule.Formula, CalcAssert.Succeeds(result).Rule);
        Assert.Equal("Tolerance check: |1.10004 − 1| > 0.1, so the HPA rescales", result.Steps[1]);
    }

    [Fact]
    public void Calculate_AboveMax_ClampedToMax()
    {
        var result = HpaCalculator.Calculate(new HpaInput(10, 90, 60, 1, 12));

        Assert.Equal(new HpaDecision(12, HpaRule.ClampedToMax, 1.5m), CalcAssert.Succeeds(result));
        Assert.Equal("Check limits: 15 is above max(12), so it is lowered to 12", result.Steps[^1]);
        Assert.Equal("12 pods (clamped to max)", result.Answer);
    }

    [Fact]
    public void Calculate_BelowMin_ClampedToMin()
    {
        var result = HpaCalculator.Calculate(new HpaInput(2, 10, 60, 3));

        var decision = CalcAssert.Succeeds(result);
        Assert.Equal(3, decision.Desired);
        Assert.Equal(HpaRule.ClampedToMin, decision.Rule);
        Assert.Equal("Check limits: 1 is below min(3), so it is raised to 3", result.Steps[^1]);
    }

    [Fact]
    public void Calculate_ZeroLoad_ScalesDownToMin()
    {
        var decision = CalcAssert.Succeeds(HpaCalculator.Calculate(new HpaInput(5, 0, 50)));

        Assert.Equal(new HpaDecision(1, HpaRule.ClampedToMin, 0m), decision);
    }

    [Fact]
    public void Calculate_WithinToleranceButAboveMax_ClampedToMax()
    {
        var decision = CalcAssert.Succeeds(HpaCalculator.Calculate(new HpaInput(12, 60, 60, 1, 10)));

        Assert.Equal(new HpaDecision(10, HpaRule.ClampedToMax, 1m), decision);
    }

    [Theory]
    [InlineData(null, "90", "60", null, null, "current_pods", "is missing")]
    [InlineData("0", "90", "60", null, null, "current_pods", "at least 1")]
    [InlineData("-2", "90", "60", null, null, "current_pods", "at least 1")]
    [InlineData("2.5", "90", "60", null, null, "current_pods", "whole number")]
    [InlineData("1000000", "90", "60", null, null, "current_pods", "absurdly large")]
    [InlineData("2", "ninety", "60", null, null, "current_metric", "must be a number or a Kubernetes quantity")]
    [InlineData("2", "200x", "60", null, null, "current_metric", "must be a number or a Kubernetes quantity")]
    [InlineData("2", "-200m", "60", null, null, "current_metric", "cannot be negative")]
    [InlineData("2", "-90", "60", null, null, "current_metric", "cannot be negative")]
    [InlineData("2", "NaN", "60", null, null, "current_metric", "finite")]
    [InlineData("2", "1e20", "60", null, null, "current_metric", "absurdly large")]
    [InlineData("2", "90", "", null, null, "target_metric", "is missing")]
    [InlineData("2", "90", "0", null, null, "target_metric", "more than 0")]
    [InlineData("2", "90", "-60", null, null, "target_metric", "more than 0")]
    [InlineData("2", "90", "-Infinity", null, null, "target_metric", "finite")]
    [InlineData("2", "90", "1e-27", null, null, "target_metric", "too small")]
    [InlineData("2", "90", "60", "0", null, "min", "at least 1")]
    [InlineData("2", "90", "60", "x", null, "min", "must be a number")]
    [InlineData("2", "90", "60", null, "0", "max", "at least 1")]
    [InlineData("2", "90", "60", "5", "3", "max", "must not be below `min`")]
    [InlineData("2", "90", "60", null, "1e9", "max", "absurdly large")]
    public void Calculate_BadInput_OneSentenceNamingTheArgument(string? pods, string? current, string? target, string? min, string? max, string argument, string expected)
    {
        var result = HpaCalculator.Calculate(pods, current, target, min, max);

        CalcAssert.FailsOn(result, argument);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_AnyValidInput_StaysWithinBoundsAndFollowsTheRule() =>
        Gen.Select(Gen.Long[1, 1000], Gen.Int[0, 100_000], Gen.Int[1, 100_000], Gen.Long[1, 50], Gen.Long[0, 200])
            .Sample((pods, current, target, min, extra) =>
            {
                var max = min + extra;
                var result = HpaCalculator.Calculate(new HpaInput(pods, current, target, min, max));
                if (!result.Succeeded)
                    return false;
                var d = result.Value!;
                var within = Math.Abs(current - target) * 10 <= target;
                var raw = within ? pods : (long)Math.Ceiling((decimal)pods * current / target);
                return d.Desired == Math.Clamp(raw, min, max)
                    && d.Rule == (raw < min ? HpaRule.ClampedToMin : raw > max ? HpaRule.ClampedToMax : within ? HpaRule.Tolerance : HpaRule.Formula);
            }, iter: 1000, threads: 1);
}
