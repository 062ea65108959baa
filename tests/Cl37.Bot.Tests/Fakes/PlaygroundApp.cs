using System.Net;
using Cl37.Bot.Content;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cl37.Bot.Tests.Fakes;

/// <summary>The whole app with the playground on, a fresh SQLite file, the real clock (tallies and
/// SSE run in real time) and a one-question test deck; optionally on a real Kestrel port for a browser.</summary>
public sealed class PlaygroundApp : WebApplicationFactory<Program>
{
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"cl37-playground-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Playground:Enabled"] = "true",
        ["Quiz:TallyUpdateSeconds"] = "0.05",
        // Tests that set a Discord token must still talk to 127.0.0.1 only (port 9 refuses at once).
        ["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10",
    };
    private readonly DeckLibrary _decks;

    public PlaygroundApp(IDictionary<string, string?>? settings = null, DeckLibrary? decks = null, bool kestrel = false)
    {
        _decks = decks ?? TestDeck.OneQuestion();
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            _settings[k] = v;
        if (kestrel)
        {
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            // The endpoint is set in code; without this, the app's start would first check the default
            // Urls (localhost:5080), which another program on this machine may hold, and end at once.
            _settings["Urls"] = "http://127.0.0.1:0";
        }
    }

    public PlaygroundLogCollector Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:ConnectionString", $"Data Source={_dbPath}");
        foreach (var (k, v) in _settings)
            builder.UseSetting(k, v);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<DeckLibrary>();
            services.AddSingleton(_decks);
        });
    }

    /// <summary>Starts Kestrel and returns the address it listens on (http://127.0.0.1:port).</summary>
    public Uri StartKestrel()
    {
        StartServer();
        // StartServer also returns when the app's entry point ended without starting the host (a
        // refused start): say so here rather than find no address.
        if (!Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.IsCancellationRequested)
            throw new InvalidOperationException("The app ended before its host started:\n" + string.Join("\n", Logs.Entries.Select(e => e.Message)));
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Uri(address);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteFiles.Delete(_dbPath);
    }
}
