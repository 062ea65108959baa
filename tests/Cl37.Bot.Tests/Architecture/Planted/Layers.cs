namespace Cl37.Bot.Tests.Architecture.Planted.Low;

/// <summary>A planted import from a lower row of a drawing to a higher one.</summary>
internal static class Base
{
    public static int Top() => High.Roof.Height();
}
