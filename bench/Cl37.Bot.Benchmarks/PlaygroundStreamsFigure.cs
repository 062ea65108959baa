using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;

namespace Cl37.Bot.Benchmarks;

/// <summary>Memory of the playground's live streams in the published app as a process: the working
/// set idle with a full channel history (the baseline, same process, same run), with 1,000 tabs
/// that read, and with 300 clients that never read, which must be cut and their memory given back.</summary>
internal static class PlaygroundStreamsFigure
{
    private const int Readers = 1000;
    private const int Stuck = 300;
    private const double ReturnedSlackMb = 25;

    public static async Task<IReadOnlyList<Figure>> RunAsync()
    {
        var outDir = await ProcessFigures.PublishAsync();
        // Every client comes from 127.0.0.1, so the per-address cap is lifted to the total here.
        var settings = new Dictionary<string, string>
        {
            ["Playground__MaxStreams"] = "2000",
            ["Playground__MaxStreamsPerAddress"] = "2000",
        };
        var dll = Path.Combine(outDir, "bot", "cl37bot.dll");

        // Each scenario in a process of its own, so each has its own idle baseline.
        double idleA, readersPeak, afterReaders;
        int readersConnected;
        long historyBytes;
        var dbA = Path.Combine(Path.GetTempPath(), $"cl37-streams-{Guid.NewGuid():N}.db");
        await using (var app = await ProcessFigures.StartAsync(dll, dbA, settings))
        {
            using var http = Poster(app);
            historyBytes = await FillHistoryAsync(http);
            await Task.Delay(TimeSpan.FromSeconds(5));
            idleA = app.WorkingSetMb();
            (readersPeak, readersConnected) = await ReadersAsync(app, http);
            await Task.Delay(TimeSpan.FromSeconds(10));
            afterReaders = app.WorkingSetMb();
        }
        BenchDatabase.Delete(dbA);

        double idleB, stuckPeak, lastMb;
        TimeSpan? cutAfter, returnedAfter;
        int stillOpen;
        var dbB = Path.Combine(Path.GetTempPath(), $"cl37-streams-{Guid.NewGuid():N}.db");
        await using (var app = await ProcessFigures.StartAsync(dll, dbB, settings))
        {
            using var http = Poster(app);
            await FillHistoryAsync(http);
            await Task.Delay(TimeSpan.FromSeconds(5));
            idleB = app.WorkingSetMb();
            (stuckPeak, cutAfter, stillOpen) = await NonReadersAsync(app, http);
            (returnedAfter, lastMb) = await ReturnAsync(app, idleB);
        }
        BenchDatabase.Delete(dbB);

        var note = string.Create(CultureInfo.InvariantCulture, $"history 200 messages, {historyBytes / 1024.0:0} KB as JSON; snapshot = newest 100");
        return
        [
            new($"playground: {Readers:N0} reading live streams, peak working set added over idle",
                string.Create(CultureInfo.InvariantCulture, $"idle with full history: {idleA:0} MB"),
                string.Create(CultureInfo.InvariantCulture, $"+{readersPeak - idleA:0} MB (peak {readersPeak:0} MB)"),
                Stats.Ratio(readersPeak, idleA), "≤ +150 MB", readersConnected == Readers && readersPeak - idleA <= 150,
                string.Create(CultureInfo.InvariantCulture, $"{readersConnected} streams got the snapshot and 20 posts; {afterReaders:0} MB 10 s after they closed; {note}")),
            new($"playground: {Stuck} live streams that never read (4 KB receive buffer), cut by the server",
                string.Create(CultureInfo.InvariantCulture, $"idle with full history: {idleB:0} MB"),
                cutAfter is { } cut ? string.Create(CultureInfo.InvariantCulture, $"all cut after {cut.TotalSeconds:0.0} s") : $"{stillOpen} still open after 60 s",
                "—", "≤ 30 s", cutAfter is { } c && c <= TimeSpan.FromSeconds(30),
                string.Create(CultureInfo.InvariantCulture, $"peak {stuckPeak:0} MB (+{stuckPeak - idleB:0} MB over idle); a post every 500 ms meanwhile; write timeout 10 s")),
            new("playground: working set back near idle after the stuck streams were cut",
                string.Create(CultureInfo.InvariantCulture, $"idle: {idleB:0} MB"),
                returnedAfter is { } r ? string.Create(CultureInfo.InvariantCulture, $"after {r.TotalSeconds:0} s ({lastMb:0} MB)") : string.Create(CultureInfo.InvariantCulture, $"not within 60 s ({lastMb:0} MB)"),
                "—", string.Create(CultureInfo.InvariantCulture, $"≤ 60 s to ≤ idle + {ReturnedSlackMb:0} MB"), returnedAfter is not null),
        ];
    }

    private static HttpClient Poster(ProcessFigures.Started app) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(60) };

    private static async Task<long> FillHistoryAsync(HttpClient http)
    {
        for (var i = 0; i < 200; i++)
        {
            var text = i % 20 == 0 ? "/quiz now" : $"/calc servers {100 + i} 7 1.5";
            (await http.PostAsJsonAsync("/playground/api/commands", new { channel = "general", text, person = new { name = "Tutor", admin = true } })).EnsureSuccessStatusCode();
        }
        return (await http.GetByteArrayAsync("/playground/api/messages?channel=general")).LongLength;
    }

    private static async Task<(double PeakMb, int Connected)> ReadersAsync(ProcessFigures.Started app, HttpClient poster)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Readers + 10 };
        using var client = new HttpClient(handler) { BaseAddress = app.Address, Timeout = Timeout.InfiniteTimeSpan };
        using var stop = new CancellationTokenSource();
        var connected = 0;
        var ready = new TaskCompletionSource();
        var peak = 0.0;
        var readers = Enumerable.Range(0, Readers).Select(async _ =>
        {
            using var response = await client.GetAsync("/playground/api/events?channel=general", HttpCompletionOption.ResponseHeadersRead, stop.Token);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync(stop.Token);
            var buffer = new byte[16 * 1024];
            var counted = false;
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer, stop.Token)) > 0)
                {
                    // The reset event ends with the first blank line.
                    if (!counted && buffer.AsSpan(0, read).IndexOf("\n\n"u8) >= 0)
                    {
                        counted = true;
                        if (Interlocked.Increment(ref connected) == Readers)
                            ready.TrySetResult();
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }).ToList();

        var watch = Stopwatch.StartNew();
        while (!ready.Task.IsCompleted && watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            peak = Math.Max(peak, app.WorkingSetMb());
            await Task.WhenAny(ready.Task, Task.Delay(200));
        }
        for (var i = 0; i < 20; i++)
        {
            await poster.PostAsJsonAsync("/playground/api/commands", new { channel = "general", text = $"/calc servers {500 + i} 7", person = new { name = "Tutor" } });
            peak = Math.Max(peak, app.WorkingSetMb());
            await Task.Delay(100);
        }
        await Task.Delay(TimeSpan.FromSeconds(2));
        peak = Math.Max(peak, app.WorkingSetMb());
        await stop.CancelAsync();
        await Task.WhenAll(readers.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        return (peak, connected);
    }

    private static async Task<(double PeakMb, TimeSpan? CutAfter, int StillOpen)> NonReadersAsync(ProcessFigures.Started app, HttpClient poster)
    {
        var sockets = new List<Socket>();
        var request = Encoding.ASCII.GetBytes($"GET /playground/api/events?channel=general HTTP/1.1\r\nHost: {app.Address.Authority}\r\nAccept: text/event-stream\r\n\r\n");
        try
        {
            for (var i = 0; i < Stuck; i++)
            {
                // A small receive window, and nothing ever read: the worst a client can do.
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
                await socket.ConnectAsync(IPAddress.Loopback, app.Address.Port);
                await socket.SendAsync(request);
                sockets.Add(socket);
            }
            var watch = Stopwatch.StartNew();
            var peak = 0.0;
            var posts = 0;
            int open;
            var clientPorts = sockets.Select(s => ((IPEndPoint)s.LocalEndPoint!).Port.ToString("X4", CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
            while ((open = ServerConnections(app.Address.Port, clientPorts)) > 0 && watch.Elapsed < TimeSpan.FromSeconds(60))
            {
                peak = Math.Max(peak, app.WorkingSetMb());
                if (watch.ElapsedMilliseconds / 500 >= posts)
                {
                    posts++;
                    await poster.PostAsJsonAsync("/playground/api/commands", new { channel = "general", text = $"/calc servers {900 + posts} 7", person = new { name = "Tutor" } });
                }
                await Task.Delay(100);
            }
            return (peak, open == 0 ? watch.Elapsed : null, open);
        }
        finally
        {
            foreach (var socket in sockets)
                socket.Dispose();
        }
    }

    private static async Task<(TimeSpan? After, double LastMb)> ReturnAsync(ProcessFigures.Started app, double idle)
    {
        var watch = Stopwatch.StartNew();
        var mb = app.WorkingSetMb();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            mb = app.WorkingSetMb();
            if (mb <= idle + ReturnedSlackMb)
                return (watch.Elapsed, mb);
            await Task.Delay(1000);
        }
        return (null, mb);
    }

    // The bot's ends of the given clients' connections still established, from the kernel's table: a
    // client that never reads cannot see its connection cut, the server's side of it can.
    private static int ServerConnections(int port, HashSet<string> clientPorts)
    {
        var local = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        var count = 0;
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
                continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 3 && fields[1].EndsWith(local, StringComparison.Ordinal) && fields[3] == "01" && clientPorts.Contains(fields[2][(fields[2].LastIndexOf(':') + 1)..]))
                    count++;
            }
        }
        return count;
    }
}
