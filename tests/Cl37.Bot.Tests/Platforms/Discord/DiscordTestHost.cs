using System.Net;
using Cl37.Bot.Chat;
using Cl37.Bot.Commands;
using Cl37.Bot.Data;
using Cl37.Bot.Messages;
using Cl37.Bot.Platforms.Discord;
using Cl37.Bot.Quiz;
using Cl37.Bot.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;

namespace Cl37.Bot.Tests.Platforms.Discord;

/// <summary>The Discord adapter as the app wires it (<c>AddDiscord</c>/<c>MapDiscord</c>), pointed at
/// a fake Discord, with the real <see cref="CommandDispatcher"/> behind it and recording handlers.</summary>
public sealed class DiscordTestHost : IAsyncDisposable
{
    public const string Token = "MTEwMA.fake-token.never-log-this-secret";
    public const string ApplicationId = "1100";

    private DiscordTestHost(WebApplication app, Key key, CapturingLoggerProvider logs, Dictionary<string, RecordingCommandHandler> handlers)
    {
        App = app;
        SigningKey = key;
        Logs = logs;
        Handlers = handlers;
    }

    private string _dbPath = "";

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public Key SigningKey { get; }

    public CapturingLoggerProvider Logs { get; }

    public IReadOnlyDictionary<string, RecordingCommandHandler> Handlers { get; }

    public Uri? BaseUri { get; private set; }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<DiscordTestHost> CreateAsync(
        FakeDiscordServer? fake,
        TimeProvider? time = null,
        IDictionary<string, string?>? settings = null,
        bool start = false,
        Action<IServiceCollection>? services = null)
    {
        var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var config = new Dictionary<string, string?>
        {
            ["Discord:Token"] = Token,
            ["Discord:ApplicationId"] = ApplicationId,
            ["Discord:PublicKey"] = Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            ["Discord:ApiBaseUrl"] = fake?.ApiBaseUrl ?? "http://127.0.0.1:9/api/v10",
            ["Discord:RegisterCommands"] = "false",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            config[k] = v;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(config);
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        var db = Path.Combine(Path.GetTempPath(), $"cl37-discord-{Guid.NewGuid():N}.db");
        builder.Configuration["Database:ConnectionString"] = $"Data Source={db}";
        builder.Configuration["Quiz:TallyUpdateSeconds"] = "3600";
        builder.AddData();
        builder.AddQuiz();
        builder.Services.AddSingleton(new Random(1234));
        builder.Services.AddSingleton(TestDeck.Library());
        builder.Services.AddSingleton<AdminPolicy>();
        builder.Services.AddSingleton(CommandRegistrations.Catalog());
        var handlers = CommandRegistrations.Catalog().All.ToDictionary(c => c.Name, c => new RecordingCommandHandler(c));
        foreach (var h in handlers.Values)
            builder.Services.AddSingleton(h.Unit);
        builder.Services.AddSingleton<IInboundHandler, CommandDispatcher>();
        builder.Services.AddSingleton<IChatWording, ChatWording>();
        services?.Invoke(builder.Services);
        builder.AddDiscord();
        var app = builder.Build();
        app.MapDiscord();
        var host = new DiscordTestHost(app, key, logs, handlers) { _dbPath = db };
        if (start)
        {
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            host.BaseUri = new Uri(address);
        }
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await App.StopAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ArgumentNullException)
            {
                // ArgumentNullException: the host never started (a start-up validation test).
            }
        }
        await App.DisposeAsync();
        SigningKey.Dispose();
        SqliteFiles.Delete(_dbPath);
    }
}
