using System.Runtime.CompilerServices;

namespace Cl37.Bot.Tests.Transcripts;

/// <summary>Compares a transcript verbatim with its golden file under <c>Transcripts/golden</c>, or
/// rewrites the file when <see cref="UpdateVariable"/> is 1.</summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "CL37_UPDATE_TRANSCRIPTS";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static void AssertMatches(string name, string actual, [CallerFilePath] string sourceFile = "")
    {
        var sourceDirectory = Path.Combine(Path.GetDirectoryName(sourceFile)!, "golden");
        // A build from another checkout has no source folder here; the copy in the output folder is read then.
        var directory = Directory.Exists(sourceDirectory) ? sourceDirectory : Path.Combine(AppContext.BaseDirectory, "Transcripts", "golden");
        var path = Path.Combine(directory, name + ".json");
        if (Updating)
        {
            Directory.CreateDirectory(sourceDirectory);
            File.WriteAllText(Path.Combine(sourceDirectory, name + ".json"), actual);
            return;
        }
        var received = SaveReceived(name, actual);
        if (!File.Exists(path))
        {
            Assert.Fail($"No golden transcript {path}. Create it with `{UpdateVariable}=1 dotnet test tests/Cl37.Bot.Tests --filter \"FullyQualifiedName~Transcripts\"`, "
                + $"read it, and commit it. This run's transcript is in {received}.");
        }
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == actual)
            return;
        Assert.Fail($"The {name} transcript differs from {path} at {FirstDifference(expected, actual)}\n"
            + $"This run's transcript is in {received}. If the change is intended, rerun with {UpdateVariable}=1 and commit the golden file: its diff is the review.");
    }

    /// <summary>Keeps this run's transcript under the output folder, to read when a check or the comparison fails.</summary>
    public static string SaveReceived(string name, string actual)
    {
        var received = Path.Combine(AppContext.BaseDirectory, "Transcripts", "received", name + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(received)!);
        File.WriteAllText(received, actual);
        return received;
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end of file>";
            var right = i < a.Length ? a[i] : "<end of file>";
            if (left != right)
                return $"line {i + 1}:\n  golden: {left}\n  actual: {right}";
        }
        return "the line ends";
    }
}
