namespace Cl37.Bot.Tests;

/// <summary>The checkout the tests run in: README, docs and deployment files are read from it.</summary>
internal static class RepoFiles
{
    public static string Root()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Cl37.Bot.sln")))
            dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("Cl37.Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
