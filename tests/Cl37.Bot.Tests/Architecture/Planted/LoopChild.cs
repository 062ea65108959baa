namespace Cl37.Bot.Tests.Architecture.Planted.Loop.Child;

/// <summary>The other half of the planted loop: the child calls back into its parent.</summary>
internal static class Kid
{
    public static int Size() => Parent.Depth() + 1;
}
