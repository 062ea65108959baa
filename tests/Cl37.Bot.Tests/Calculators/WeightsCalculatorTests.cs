using Cl37.Bot.Calculators;
using CsCheck;

namespace Cl37.Bot.Tests.Calculators;

public sealed class WeightsCalculatorTests
{
    [Fact]
    public void Calculate_DeckNumerical1_Gives110592WithTheDecksSteps()
    {
        var result = WeightsCalculator.Calculate("784 128 64 32", biases: false);

        Assert.Equal(110_592, CalcAssert.Succeeds(result));
        Assert.Equal(
        [
            "Weights from Input to Hidden 1: 784 × 128 = 100,352",
            "Weights from Hidden 1 to Hidden 2: 128 × 64 = 8,192",
            "Weights from Hidden 2 to Hidden 3: 64 × 32 = 2,048",
            "Total weights = 100,352 + 8,192 + 2,048 = 110,592",
        ], result.Steps);
        Assert.Equal("110,592 weight parameters", result.Answer);
        Assert.Contains("Σ (neurons_prev_layer × neurons_current_layer)", result.Formula, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("784,128,64,32")]
    [InlineData("784, 128, 64, 32")]
    [InlineData(" 784  128\t64 32 ")]
    [InlineData("784;128;64;32")]
    public void Calculate_CommasOrSpaces_SameAnswer(string layers) =>
        Assert.Equal(110_592, CalcAssert.Succeeds(WeightsCalculator.Calculate(layers, false)));

    [Fact]
    public void Calculate_WithBiases_AddsOnePerNeuronAfterTheInput()
    {
        var result = WeightsCalculator.Calculate("784 128 64 32", biases: true);

        Assert.Equal(110_592 + 128 + 64 + 32, CalcAssert.Succeeds(result));
        Assert.Contains("Biases (one per neuron after the input) = 128 + 64 + 32 = 224", result.Steps);
        Assert.Equal("Total parameters = 110,592 + 224 = 110,816", result.Steps[^1]);
        Assert.Equal("110,816 parameters (110,592 weights + 224 biases)", result.Answer);
    }

    [Fact]
    public void Calculate_TwoLayers_OneProduct()
    {
        var result = WeightsCalculator.Calculate(new WeightsInput([10, 3]));

        Assert.Equal(30, CalcAssert.Succeeds(result));
        Assert.Equal("Total weights = 30", result.Steps[^1]);
    }

    [Fact]
    public void Calculate_LargestAllowedNetwork_DoesNotOverflow()
    {
        var layers = Enumerable.Repeat(WeightsCalculator.MaxNeurons, WeightsCalculator.MaxLayers).ToArray();

        var total = CalcAssert.Succeeds(WeightsCalculator.Calculate(new WeightsInput(layers, Biases: true)));

        Assert.Equal(49L * 100_000_000_000_000 + 49L * 10_000_000, total);
    }

    [Theory]
    [InlineData("", "are missing")]
    [InlineData(null, "are missing")]
    [InlineData("784", "at least 2 layer sizes")]
    [InlineData("784 -128 64", "must be at least 1 neuron")]
    [InlineData("784 0 64", "must be at least 1 neuron")]
    [InlineData("784 abc 64", "must be a number, not `abc`")]
    [InlineData("784 12.5 64", "must be a whole number")]
    [InlineData("784 NaN 64", "finite")]
    [InlineData("784 ∞ 64", "finite")]
    [InlineData("784 Infinity", "finite")]
    [InlineData("784 20000000", "absurdly large")]
    [InlineData("784 1e300", "absurdly large")]
    [InlineData("784 99999999999999999999999999", "absurdly large")]
    public void Calculate_BadLayers_OneSentenceNamingLayers(string? layers, string expected)
    {
        var result = WeightsCalculator.Calculate(layers, false);

        CalcAssert.FailsOn(result, "layers");
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_TooManyLayers_Refused()
    {
        var result = WeightsCalculator.Calculate(string.Join(' ', Enumerable.Repeat("2", WeightsCalculator.MaxLayers + 1)), false);

        CalcAssert.FailsOn(result, "layers");
        Assert.Contains("51 layers, more than the 50", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_AnyValidLayers_EqualsSumOfAdjacentProducts() =>
        Gen.Long[1, WeightsCalculator.MaxNeurons].Array[2, WeightsCalculator.MaxLayers].Sample(layers =>
        {
            var expected = layers.Zip(layers.Skip(1), (a, b) => (decimal)a * b).Sum();
            var result = WeightsCalculator.Calculate(string.Join(',', layers), false);
            return result.Succeeded && result.Value == expected;
        }, iter: 500, threads: 1);
}
