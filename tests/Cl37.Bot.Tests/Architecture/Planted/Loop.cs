namespace Cl37.Bot.Tests.Architecture.Planted.Loop;

/// <summary>Half of a planted loop between a namespace and its child, which a check by top-level
/// folder cannot see.</summary>
internal static class Parent
{
    public static int Depth() => 1;

    public static int Size() => Child.Kid.Size() + 1;
}
