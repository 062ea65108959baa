namespace Cl37.Bot.Tests.Architecture.Planted.Constants.Source;

internal static class Limits
{
    public const int Max = 3;
}

internal sealed class Thing;
