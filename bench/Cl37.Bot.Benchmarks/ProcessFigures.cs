using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cl37.Bot.Benchmarks;

/// <summary>Figures of the published app as a process: cold start against a bare ASP.NET Core app
/// published the same way, and the working set idle and after a 2,000-answer burst.</summary>
internal static class ProcessFigures
{
    public static async Task<IReadOnlyList<Figure>> RunAsync(int runs = 5)
    {
        var outDir = await PublishAsync();

        var bare = new List<double>();
        var bot = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            await using (var empty = await StartAsync(Path.Combine(outDir, "bare", "bare.dll"), null))
                bare.Add(empty.Ready);
            var db = Path.Combine(Path.GetTempPath(), $"cl37-cold-{Guid.NewGuid():N}.db");
            // The first start creates the database; the measured one is a restart, as in production.
            await using (var first = await StartAsync(Path.Combine(outDir, "bot", "cl37bot.dll"), db))
            {
            }
            await using (var started = await StartAsync(Path.Combine(outDir, "bot", "cl37bot.dll"), db))
                bot.Add(started.Ready);
            BenchDatabase.Delete(db);
        }
        bare.Sort();
        bot.Sort();
        var bareMedian = Stats.Percentile(bare, 50);
        var botMedian = Stats.Percentile(bot, 50);
        var ratio = botMedian / bareMedian;

        var memDb = Path.Combine(Path.GetTempPath(), $"cl37-mem-{Guid.NewGuid():N}.db");
        double idleMb, burstMb;
        int stored;
        await using (var app = await StartAsync(Path.Combine(outDir, "bot", "cl37bot.dll"), memDb))
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            idleMb = app.WorkingSetMb();
            stored = await BurstAsync(app.Address, 2000);
            await Task.Delay(TimeSpan.FromSeconds(2));
            burstMb = app.WorkingSetMb();
        }
        BenchDatabase.Delete(memDb);

        return
        [
            new($"cold start: process start → /health/ready 200 (restart on a migrated database), median of {runs}",
                $"bare ASP.NET Core app: {Stats.Ms(bareMedian)}", Stats.Ms(botMedian), Stats.Ratio(botMedian, bareMedian), "≤ 1.5 × baseline", ratio <= 1.5,
                $"both published ReadyToRun; bot min {Stats.Ms(bot[0])}, max {Stats.Ms(bot[^1])}"),
            new("memory: idle working set (5 s after ready)", "—", string.Create(CultureInfo.InvariantCulture, $"{idleMb:0} MB"), "—", "≤ 150 MB", idleMb <= 150),
            new("memory: working set after a 2,000-answer burst", "—", string.Create(CultureInfo.InvariantCulture, $"{burstMb:0} MB"), "—", "≤ 250 MB", burstMb <= 250,
                $"{stored} answers acknowledged over the playground API, 64 connections"),
        ];
    }

    /// <summary>Publishes the bot as the Dockerfile does, and the bare app with the same ReadyToRun
    /// flags, into one folder per checkout; returns the folder.</summary>
    public static async Task<string> PublishAsync()
    {
        var root = Machine.RepoRoot();
        // One folder per checkout (CL37_BENCH_PUBLISH overrides it), so two worktrees measuring at once
        // do not delete each other's published apps.
        var outDir = Environment.GetEnvironmentVariable("CL37_BENCH_PUBLISH") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "cl37-bench-publish-" + Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)));
        // Set to reuse what an earlier run published (several figures or GC settings in a row).
        if (Environment.GetEnvironmentVariable("CL37_BENCH_REUSE_PUBLISH") == "1" && File.Exists(Path.Combine(outDir, "bot", "cl37bot.dll")))
            return outDir;
        if (Directory.Exists(outDir))
            Directory.Delete(outDir, recursive: true);
        await RunToolAsync(root, "publish", "src/Cl37.Bot/Cl37.Bot.csproj", "-p:PublishProfile=container", "-o", Path.Combine(outDir, "bot"));
        await RunToolAsync(root, "publish", "bench/coldstart/Bare/Bare.csproj", "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", Path.Combine(outDir, "bare"));
        return outDir;
    }

    private static async Task<int> BurstAsync(Uri address, int count, string people = "student")
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        (await http.PostAsJsonAsync("/playground/api/commands", new { channel = "general", text = "/quiz now", person = new { name = "Tutor", admin = true } })).EnsureSuccessStatusCode();
        var history = await http.GetFromJsonAsync<JsonElement>("/playground/api/messages?channel=general");
        var card = history.GetProperty("messages").EnumerateArray()
            .Select(m => m.TryGetProperty("card", out var c) ? c : default)
            .Last(c => c.ValueKind == JsonValueKind.Object && c.GetProperty("kind").GetString() == "question");
        var options = card.GetProperty("options").EnumerateArray().ToList();
        var value = options.Count > 0 ? options[0].GetProperty("key").GetString()! : "42";
        var postId = card.GetProperty("postId").GetInt64();
        var ok = 0;
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var response = await http.PostAsJsonAsync("/playground/api/answers",
                new { channel = "general", postId, values = new[] { value }, person = new { name = $"{people}-{i:0000}", admin = false } });
            if (response.IsSuccessStatusCode)
                Interlocked.Increment(ref ok);
        }));
        return ok;
    }

    public static async Task<Started> StartAsync(string dll, string? database, IReadOnlyDictionary<string, string>? settings = null, string? runtimeConfig = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        runtimeConfig ??= BotRuntimeConfig(dll);
        if (runtimeConfig is not null)
        {
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add("--runtimeconfig");
            start.ArgumentList.Add(runtimeConfig);
        }
        start.ArgumentList.Add(dll);
        start.Environment["URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (database is not null)
            start.Environment["Database__ConnectionString"] = $"Data Source={database}";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                    return new Started(process, address, clock.Elapsed.TotalMilliseconds);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(10);
        }
        process.Kill(true);
        throw new TimeoutException($"{dll} was not ready within 60 s");
    }

    private static async Task RunToolAsync(string workingDirectory, params string[] args)
    {
        var (code, output) = await PeerSetup.RunAsync("dotnet", args, workingDirectory);
        if (code != 0)
            throw new InvalidOperationException($"dotnet {string.Join(' ', args)} failed:\n{output}");
    }

    /// <summary>CL37_BENCH_GC, e.g. <c>System.GC.Server=true;System.GC.ConserveMemory=5</c>, runs the bot's
    /// process figures with those runtime settings over the published ones; null without it.</summary>
    private static string? BotRuntimeConfig(string dll) =>
        Path.GetFileName(dll) == "cl37bot.dll" && Environment.GetEnvironmentVariable("CL37_BENCH_GC") is { Length: > 0 } gc
            ? WithRuntimeSettings(dll, ParseSettings(gc), "env")
            : null;

    private static Dictionary<string, string> ParseSettings(string settings) =>
        settings.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    /// <summary>A copy of the app's runtimeconfig.json with the given settings over its own, as the
    /// project's properties would write them; the app then runs with <c>dotnet exec --runtimeconfig</c>.</summary>
    private static string WithRuntimeSettings(string dll, IReadOnlyDictionary<string, string> settings, string name)
    {
        var published = Path.ChangeExtension(dll, ".runtimeconfig.json");
        var json = JsonNode.Parse(File.ReadAllText(published))!;
        var properties = json["runtimeOptions"]!["configProperties"]!.AsObject();
        foreach (var (key, value) in settings)
        {
            properties.Remove(key);
            if (value.Length > 0)
                properties[key] = bool.TryParse(value, out var b) ? JsonValue.Create(b) : int.TryParse(value, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : JsonValue.Create(value);
        }
        var path = Path.Combine(Path.GetTempPath(), $"cl37-runtimeconfig-{Environment.ProcessId}-{name}.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    /// <summary>The GC settings compared on evidence: the working set idle and under a load of answers
    /// over HTTP, and the answers per second that load reached, one process per setting, the settings
    /// interleaved over <paramref name="rounds"/> rounds. Each variant is a set of runtimeconfig
    /// properties (an empty value removes the published one).</summary>
    public static async Task<IReadOnlyList<Figure>> GcModesAsync(int rounds = 2)
    {
        var outDir = await PublishAsync();
        var dll = Path.Combine(outDir, "bot", "cl37bot.dll");
        (string Name, string Settings)[] variants =
        [
            ("server GC, DATAS (the Web SDK's default)", "System.GC.Server=true"),
            ("server GC, DATAS off", "System.GC.Server=true;System.GC.DynamicAdaptationMode=0"),
            ("workstation GC, concurrent", "System.GC.Server=false"),
            ("workstation GC, non-concurrent", "System.GC.Server=false;System.GC.Concurrent=false"),
            ("workstation GC, concurrent, ConserveMemory=5", "System.GC.Server=false;System.GC.ConserveMemory=5"),
            ("workstation GC, non-concurrent, ConserveMemory=5", "System.GC.Server=false;System.GC.Concurrent=false;System.GC.ConserveMemory=5"),
            ("workstation GC, concurrent, TieredCompilation off", "System.GC.Server=false;System.Runtime.TieredCompilation=false"),
        ];
        if (Environment.GetEnvironmentVariable("CL37_BENCH_GC_ONLY") is { Length: > 0 } only)
            variants = [.. variants.Where(v => only.Split('|').Any(o => o.StartsWith('=') ? v.Name.Equals(o[1..], StringComparison.OrdinalIgnoreCase) : v.Name.Contains(o, StringComparison.OrdinalIgnoreCase)))];
        var samples = variants.ToDictionary(v => v.Name, _ => new List<GcSample>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, settings) in variants)
            {
                var config = WithRuntimeSettings(dll, ParseSettings(settings), $"gc{Array.FindIndex(variants, v => v.Name == name)}");
                var sample = await GcSampleAsync(dll, config);
                samples[name].Add(sample);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name}: ready {sample.ReadyMs:0} ms, idle {sample.IdleMb:0} MB, load peak {sample.PeakMb:0} MB, {sample.AnswersPerSecond:0} answers/s, after {sample.AfterMb:0} MB, 30 s later {sample.LaterMb:0} MB"));
            }
        }
        return [.. variants.Select(v =>
        {
            var s = samples[v.Name];
            string Range(Func<GcSample, double> f, string unit) => string.Create(CultureInfo.InvariantCulture, $"{s.Min(f):0}–{s.Max(f):0}{unit}");
            return new Figure($"GC: {v.Name}", "—",
                $"idle {Range(x => x.IdleMb, " MB")}, under load peak {Range(x => x.PeakMb, " MB")}",
                "—", "idle ≤ 100 MB", s.Max(x => x.IdleMb) <= 100,
                $"{Range(x => x.AnswersPerSecond, " answers/s")}; ready {Range(x => x.ReadyMs, " ms")}; right after the load {Range(x => x.AfterMb, " MB")}, 30 s later {Range(x => x.LaterMb, " MB")}; {rounds} rounds interleaved; `{v.Settings}`");
        })];
    }

    private sealed record GcSample(double ReadyMs, double IdleMb, double PeakMb, double AnswersPerSecond, double AfterMb, double LaterMb);

    private static async Task<GcSample> GcSampleAsync(string dll, string runtimeConfig)
    {
        var db = Path.Combine(Path.GetTempPath(), $"cl37-gc-{Guid.NewGuid():N}.db");
        await using (var first = await StartAsync(dll, db, runtimeConfig: runtimeConfig))
        {
        }
        try
        {
            await using var app = await StartAsync(dll, db, runtimeConfig: runtimeConfig);
            await Task.Delay(TimeSpan.FromSeconds(10));
            var idle = app.WorkingSetMb();
            var peak = idle;
            using var done = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!done.IsCancellationRequested)
                {
                    peak = Math.Max(peak, app.WorkingSetMb());
                    await Task.Delay(50);
                }
            });
            var watch = Stopwatch.StartNew();
            var stored = 0;
            for (var burst = 0; burst < 5; burst++)
                stored += await BurstAsync(app.Address, 2000, $"b{burst}");
            var rate = stored / watch.Elapsed.TotalSeconds;
            await done.CancelAsync();
            await sampler;
            await Task.Delay(TimeSpan.FromSeconds(2));
            var after = app.WorkingSetMb();
            await Task.Delay(TimeSpan.FromSeconds(30));
            return new GcSample(app.Ready, idle, Math.Max(peak, after), rate, after, app.WorkingSetMb());
        }
        finally
        {
            BenchDatabase.Delete(db);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal sealed record Started(Process Process, Uri Address, double Ready) : IAsyncDisposable
    {
        public double WorkingSetMb()
        {
            Process.Refresh();
            return Process.WorkingSet64 / 1024.0 / 1024.0;
        }

        public async ValueTask DisposeAsync()
        {
            if (!Process.HasExited)
                Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
            Process.Dispose();
        }
    }
}
