using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cl37.Bot.Tests.Hosting;

/// <summary>The built app (cl37bot.dll next to the tests) as a real child process on a free
/// 127.0.0.1 port, in its own empty working directory, with its console output captured.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _workDir;

    private AppProcess(Process process, string workDir, int port)
    {
        _process = process;
        _workDir = workDir;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public string WorkDirectory => _workDir;

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public bool HasExited => _process.HasExited;

    /// <param name="wrapper">A command that runs the app as its last arguments (e.g. <c>unshare …</c>), or null.</param>
    public static AppProcess Start(IReadOnlyDictionary<string, string> settings, string? appFolder = null, string? workDir = null, IReadOnlyList<string>? wrapper = null)
    {
        appFolder ??= AppContext.BaseDirectory;
        workDir ??= Directory.CreateTempSubdirectory("cl37-app-").FullName;
        var port = FreePort();
        var info = new ProcessStartInfo(wrapper is { Count: > 0 } ? wrapper[0] : "dotnet")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (wrapper is { Count: > 0 })
        {
            foreach (var argument in wrapper.Skip(1))
                info.ArgumentList.Add(argument);
            info.ArgumentList.Add("dotnet");
        }
        info.ArgumentList.Add(Path.Combine(appFolder, "cl37bot.dll"));
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(key);
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        // Unprefixed, so it outranks the Urls in appsettings.json (ASPNETCORE_URLS would not).
        info.Environment["URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(workDir, "data", "bot.db")}";
        foreach (var (key, value) in settings)
            info.Environment[key] = value;

        var process = new Process { StartInfo = info };
        var app = new AppProcess(process, workDir, port);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Polls /health/ready until it answers 200; fails with the captured output otherwise.</summary>
    public async Task<TimeSpan> WaitReadyAsync(TimeSpan? limit = null)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < (limit ?? TimeSpan.FromSeconds(60)))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the app exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                    return watch.Elapsed;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"the app was not ready within the limit:\n{Output}");
    }

    /// <summary>Sends SIGTERM, as Docker and Kubernetes do, and waits for the exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
        }
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <summary>Waits for the process to end by itself (bounded) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the replica dies without any chance to clean up.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
