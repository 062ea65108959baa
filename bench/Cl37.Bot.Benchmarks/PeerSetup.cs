using System.Diagnostics;

namespace Cl37.Bot.Benchmarks;

/// <summary>What the peer and soak figures need on disk: the bot published as the Dockerfile does
/// (into its own folder, so the process figures of another run are left alone), the Node peers'
/// packages (<c>npm ci</c> when <c>node_modules</c> is missing), and a one-question deck.</summary>
internal static class PeerSetup
{
    public static string PeersRoot => Path.Combine(Machine.RepoRoot(), "bench", "peers");

    /// <summary>Null when node and npm answer; otherwise why the peers cannot run.</summary>
    public static async Task<string?> NodeMissingAsync()
    {
        foreach (var tool in new[] { "node", "npm" })
        {
            try
            {
                var (code, output) = await RunAsync(tool, ["--version"], Machine.RepoRoot());
                if (code != 0)
                    return $"`{tool} --version` exited with {code}: {output}";
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                return $"`{tool}` is not installed ({ex.Message})";
            }
        }
        return null;
    }

    /// <summary>Installs a peer's locked packages if they are not there yet; returns its folder.</summary>
    public static async Task<string> InstallPeerAsync(string name)
    {
        var dir = Path.Combine(PeersRoot, name);
        if (!Directory.Exists(Path.Combine(dir, "node_modules")))
        {
            var (code, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], dir);
            if (code != 0)
                throw new InvalidOperationException($"npm ci in bench/peers/{name} failed: {output}");
        }
        return dir;
    }

    /// <summary>Publishes the bot with the Dockerfile's command; returns the path of cl37bot.dll.</summary>
    public static async Task<string> PublishBotAsync()
    {
        var root = Machine.RepoRoot();
        var outDir = Path.Combine(Path.GetTempPath(), "cl37-bench-peers-publish-" + Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)));
        var (code, output) = await RunAsync("dotnet", ["publish", "src/Cl37.Bot/Cl37.Bot.csproj", "-p:PublishProfile=container", "-o", outDir], root);
        if (code != 0)
            throw new InvalidOperationException("publishing the bot failed: " + output);
        return Path.Combine(outDir, "cl37bot.dll");
    }

    /// <summary>A deck folder with one single-choice question whose answer is A, so every click and
    /// invoke the drivers send is a gradable, correct answer.</summary>
    public static string WriteDeck()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"cl37-bench-deck-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "bench.md"), """
            # Bench: one question

            ---

            ## Section A: Multiple Choice Questions (MCQ) - 1 Question

            ### MCQ 1
            **Question:** Which format lets a model trained in one framework run in another runtime?

            **Options:**
            - A) ONNX
            - B) A screenshot of the weights
            - C) A CSV of the training data
            - D) None

            **✅ Correct Answer:** A

            **📖 Explanation:** ONNX is an open exchange format for models.

            ---
            """);
        return dir;
    }

    /// <summary>Runs a tool to its end; its output is cut to the last 2,000 characters.</summary>
    internal static async Task<(int Code, string Output)> RunAsync(string file, string[] args, string workingDirectory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = (await output) + (await errors);
        return (process.ExitCode, text.Length > 2000 ? text[^2000..] : text);
    }
}
