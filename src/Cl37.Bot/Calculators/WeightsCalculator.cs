namespace Cl37.Bot.Calculators;

/// <summary>Deck, Numerical 1: weight parameters = Σ (neurons_prev_layer × neurons_current_layer).</summary>
public static class WeightsCalculator
{
    public const string Title = "Weight parameters of a dense network";
    public const string Example = "/calc weights layers:784 128 64 32";
    public const int MinLayers = 2;
    public const int MaxLayers = 50;
    public const long MaxNeurons = 10_000_000;

    private const string WeightsFormula = "Weight Parameters = Σ (neurons_prev_layer × neurons_current_layer)";
    private const string BiasesFormula = WeightsFormula + " + Σ neurons_current_layer (one bias per neuron)";

    /// <summary>Reads the layer sizes as typed: <c>784 128 64 32</c> or <c>784,128,64,32</c>.</summary>
    public static CalcResult<long> Calculate(string? layers, bool biases)
    {
        var formula = biases ? BiasesFormula : WeightsFormula;
        var parts = CalcText.SplitList(layers ?? "");
        if (parts.Length == 0)
            return Fail(formula, "are missing: give the layer sizes, input first");
        if (parts.Length > MaxLayers)
            return Fail(formula, $"has {parts.Length} layers, more than the {MaxLayers} this calculator takes");
        var sizes = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!CalcText.TryWhole(parts[i], out sizes[i], out var problem))
                return Fail(formula, $"number {i + 1} {problem}");
        }
        return Calculate(new WeightsInput(sizes, biases));
    }

    public static CalcResult<long> Calculate(WeightsInput input)
    {
        var formula = input.Biases ? BiasesFormula : WeightsFormula;
        var layers = input.Layers;
        if (layers.Count < MinLayers)
            return Fail(formula, $"needs at least {MinLayers} layer sizes (input and one more), not {layers.Count}");
        if (layers.Count > MaxLayers)
            return Fail(formula, $"has {layers.Count} layers, more than the {MaxLayers} this calculator takes");
        for (var i = 0; i < layers.Count; i++)
        {
            if (layers[i] < 1)
                return Fail(formula, $"number {i + 1} must be at least 1 neuron, not {layers[i]}");
            if (layers[i] > MaxNeurons)
                return Fail(formula, $"number {i + 1} is absurdly large ({CalcText.Format(layers[i])}; at most {CalcText.Format(MaxNeurons)} neurons a layer)");
        }

        // At most 49 × 10^7 × 10^7 ≈ 4.9 × 10^15, well inside long; checked keeps that promise honest.
        var steps = new List<string>();
        var products = new List<long>();
        for (var i = 1; i < layers.Count; i++)
        {
            var product = checked(layers[i - 1] * layers[i]);
            products.Add(product);
            steps.Add($"Weights from {LayerName(i - 1)} to {LayerName(i)}: {CalcText.Format(layers[i - 1])} × {CalcText.Format(layers[i])} = {CalcText.Format(product)}");
        }
        var weights = checked(products.Sum());
        steps.Add(products.Count == 1
            ? $"Total weights = {CalcText.Format(weights)}"
            : $"Total weights = {string.Join(" + ", products.Select(CalcText.Format))} = {CalcText.Format(weights)}");
        if (!input.Biases)
            return CalcResults.Ok<long>(Title, formula, weights, steps, $"{CalcText.Format(weights)} weight parameters");

        var biasCounts = layers.Skip(1).ToList();
        var biases = checked(biasCounts.Sum());
        steps.Add(biasCounts.Count == 1
            ? $"Biases (one per neuron after the input) = {CalcText.Format(biases)}"
            : $"Biases (one per neuron after the input) = {string.Join(" + ", biasCounts.Select(CalcText.Format))} = {CalcText.Format(biases)}");
        var total = checked(weights + biases);
        steps.Add($"Total parameters = {CalcText.Format(weights)} + {CalcText.Format(biases)} = {CalcText.Format(total)}");
        return CalcResults.Ok<long>(Title, formula, total,
            steps, $"{CalcText.Format(total)} parameters ({CalcText.Format(weights)} weights + {CalcText.Format(biases)} biases)");
    }

    private static string LayerName(int index) => index == 0 ? "Input" : $"Hidden {index}";

    private static CalcResult<long> Fail(string formula, string problem) =>
        CalcResults.Fail<long>(Title, formula, $"`layers` {problem}; for example `{Example}`.");
}
