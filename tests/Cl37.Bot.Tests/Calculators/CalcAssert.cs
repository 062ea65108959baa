using Cl37.Bot.Calculators;

namespace Cl37.Bot.Tests.Calculators;

internal static class CalcAssert
{
    /// <summary>A failure is one sentence that names the argument and shows a right example.</summary>
    public static void FailsOn<T>(CalcResult<T> result, string argument)
    {
        Assert.False(result.Succeeded, $"expected a failure on {argument}, got {result.Answer}");
        var error = result.Error!;
        Assert.StartsWith($"`{argument}` ", error, StringComparison.Ordinal);
        Assert.Contains("for example `/calc ", error, StringComparison.Ordinal);
        Assert.EndsWith("`.", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
        Assert.DoesNotContain(". ", error, StringComparison.Ordinal);
        Assert.Empty(result.Steps);
    }

    public static T Succeeds<T>(CalcResult<T> result)
    {
        Assert.True(result.Succeeded, result.Error);
        Assert.NotEmpty(result.Steps);
        Assert.False(string.IsNullOrWhiteSpace(result.Answer));
        Assert.False(string.IsNullOrWhiteSpace(result.Formula));
        return result.Value!;
    }
}
