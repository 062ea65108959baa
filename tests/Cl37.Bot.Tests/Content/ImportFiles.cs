namespace Cl37.Bot.Tests.Decks;

/// <summary>The GIFT and Moodle XML files written for these tests.</summary>
internal static class ImportFiles
{
    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", "imports", name);
}
