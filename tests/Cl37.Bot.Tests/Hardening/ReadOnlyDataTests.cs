using Cl37.Bot.Hosting;
using Cl37.Bot.Tests.Hosting;

namespace Cl37.Bot.Tests.Hardening;

/// <summary>A data folder the app may not write (a volume mounted read-only, owned by another user):
/// start-up stops at once with one message naming the database file and what to change.</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class ReadOnlyDataTests
{
    [Fact]
    public async Task Start_DataFolderReadOnly_ExitsNamingTheFile()
    {
        var work = Directory.CreateTempSubdirectory("cl37-readonly-").FullName;
        var data = Path.Combine(work, "data");
        Directory.CreateDirectory(data);
        IReadOnlyList<string>? wrapper = null;
        if (Environment.IsPrivilegedProcess)
        {
            // Root writes past file modes, not past a read-only mount; this one lives in the child's
            // own mount namespace and ends with it.
            wrapper = ["unshare", "--mount", "sh", "-c", $"mount -t tmpfs -o ro tmpfs '{data}' && exec \"$@\"", "sh"];
        }
        else if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(data, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            await using var app = AppProcess.Start(new Dictionary<string, string>(), workDir: work, wrapper: wrapper);

            var exit = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.True(exit == CommandLine.DatabaseNotWritable, $"exit code {exit}:\n{app.Output}");
            Assert.Contains($"The database file {Path.Combine(data, "bot.db")} cannot be written", app.Output);
            Assert.Contains("Database:ConnectionString", app.Output);
        }
        finally
        {
            if (Directory.Exists(data) && !OperatingSystem.IsWindows())
                File.SetUnixFileMode(data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
