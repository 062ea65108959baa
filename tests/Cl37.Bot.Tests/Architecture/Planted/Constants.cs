using Cl37.Bot.Tests.Architecture.Planted.Constants.Source;

namespace Cl37.Bot.Tests.Architecture.Planted.Constants.Reader;

/// <summary>Uses another namespace only through a constant and a <c>nameof</c>, which the compiler
/// inlines: the IL holds 6 and "Thing", not the types.</summary>
internal static class Reads
{
    public static int Twice() => Limits.Max * 2;

    public static string Name() => nameof(Thing);
}
