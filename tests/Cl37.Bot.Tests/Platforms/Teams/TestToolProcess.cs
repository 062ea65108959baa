using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Cl37.Bot.Tests.Platforms.Teams;

/// <summary>Microsoft's Teams App Test Tool (npm @microsoft/teams-app-test-tool), run headless on
/// 127.0.0.1 against our bot, with its conversation stream collected over its websocket.</summary>
internal sealed class TestToolProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _workDir;
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _reader;

    private TestToolProcess(Process process, string workDir, int port)
    {
        _process = process;
        _workDir = workDir;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public int Port { get; }

    public HttpClient Http { get; }

    /// <summary>Everything the tool pushed on its conversation stream, in order.</summary>
    public ConcurrentQueue<JsonNode> Stream { get; } = new();

    public static string? CliPath()
    {
        var root = TeamsManifestTests.RepoRoot();
        var cli = Path.Combine(root, "tests", "tools", "node_modules", "@microsoft", "teams-app-test-tool", "cli.js");
        return File.Exists(cli) ? cli : null;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<TestToolProcess> StartAsync(string botEndpoint)
    {
        var cli = CliPath() ?? throw new InvalidOperationException(
            "The Teams App Test Tool is missing: tests/tools/node_modules/@microsoft/teams-app-test-tool/cli.js. Run `npm ci` in tests/tools.");
        var preload = Path.Combine(TeamsManifestTests.RepoRoot(), "tests", "tools", "force-localhost.js");
        var port = FreePort();
        var workDir = Directory.CreateTempSubdirectory("cl37-teams-tool-").FullName;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-r", preload, cli, "start", "-e", botEndpoint, "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry" })
            start.ArgumentList.Add(arg);
        // Without BROWSER=none the tool exits right after "Listening" trying to open a browser.
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["TEAMSAPPTESTER_LOGFILE"] = Path.Combine(workDir, "tool.log");
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(workDir, "tool.log");
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var tool = new TestToolProcess(process, workDir, port);
        await tool.WaitUntilUpAsync();
        return tool;
    }

    private async Task WaitUntilUpAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The Test Tool exited with {_process.ExitCode}: {Log()}");
            try
            {
                using var ping = await Http.GetAsync("/_internal/v1/testConfig");
                if (ping.IsSuccessStatusCode)
                {
                    await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{Port}/_ws_conversation/v1/conversations/stream"), CancellationToken.None);
                    _reader = Task.Run(ReadStreamAsync);
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The Test Tool did not come up within 60 s: " + Log());
    }

    private async Task ReadStreamAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                    continue;
                var text = Encoding.UTF8.GetString(message.ToArray());
                message.SetLength(0);
                if (JsonNode.Parse(text) is { } node)
                    Stream.Enqueue(node);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or System.Text.Json.JsonException)
        {
        }
    }

    /// <summary>Waits (at most <paramref name="seconds"/>) for a stream item the predicate accepts.</summary>
    public async Task<JsonNode> WaitForAsync(Func<JsonNode, bool> predicate, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            var hit = Stream.FirstOrDefault(predicate);
            if (hit is not null)
                return hit;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Timed out waiting for {what}. Stream so far:\n{string.Join("\n", Stream.Select(n => n.ToJsonString()))}\nTool log:\n{Log()}");
    }

    public async Task<JsonNode?> PostAsync(string path, JsonNode body)
    {
        using var response = await Http.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    public string Log()
    {
        var path = Path.Combine(_workDir, "tool.log");
        try
        {
            var text = File.Exists(path) ? File.ReadAllText(path) : "(no log)";
            return text.Length > 4000 ? text[^4000..] : text;
        }
        catch (IOException)
        {
            return "(log unreadable)";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_reader is not null)
            await Task.WhenAny(_reader, Task.Delay(2000));
        _socket.Dispose();
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        _process.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
