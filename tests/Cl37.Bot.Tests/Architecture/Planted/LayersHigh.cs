namespace Cl37.Bot.Tests.Architecture.Planted.High;

internal static class Roof
{
    public static int Height() => 2;
}
