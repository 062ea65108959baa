using System.Diagnostics.Metrics;
using Cl37.Bot.Chat;
using Cl37.Bot.Messages;
using Cl37.Bot.Platforms.Teams.Incoming;
using Cl37.Bot.Platforms.Teams.Kernel;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Tests.Platforms.Teams;

/// <summary>Builds the adapter's pieces over a recording HTTP handler and a fake clock.</summary>
internal sealed class TeamsTestKit
{
    public TeamsTestKit(TimeProvider time, TeamsOptions? options = null, IBotTokenProvider? tokens = null, int seed = 7, IMeterFactory? meters = null, IHttpClientFactory? graphHttp = null)
    {
        Time = time;
        Http = new RecordingHttpHandler(time);
        Options = Microsoft.Extensions.Options.Options.Create(options ?? new TeamsOptions { Enabled = true });
        Metrics = new TeamsMetrics(meters ?? MeterFactory);
        Queue = new TeamsSendQueue(time, Metrics);
        ConnectorHealth = new TeamsConnectorHealth(time);
        // The connector of a registered bot, which may call any serviceUrl: the tests here speak to
        // smba.trafficmanager.net. Local mode's loopback-only rule is tested through the host (TeamsLocalModeTests).
        var connectorOptions = Microsoft.Extensions.Options.Options.Create(new TeamsOptions { AppId = RegisteredAppId });
        Connector = new TeamsConnectorClient(new StubHttpClientFactory(Http), tokens ?? new FixedTokenProvider(null), connectorOptions, Queue, Metrics, ConnectorHealth, time, new Random(seed), NullLogger<TeamsConnectorClient>.Instance);
        Graph = new TeamsGraphClient(graphHttp ?? new StubHttpClientFactory(Http), GraphTokens, Options);
        Roster = new TeamsRoster(Connector, Graph, Options, time, NullLogger<TeamsRoster>.Instance);
    }

    public const string RegisteredAppId = "5b1d7c0e-5a2b-4f1e-9d43-0c7a6d2e9f10";

    /// <summary>Signing keys that are never fetched, for checks built without the endpoint.</summary>
    public static BotSigningKeys UnusedKeys(IOptions<TeamsOptions> options) =>
        new(new StubHttpClientFactory(new RecordingHttpHandler(TimeProvider.System)), options, TimeProvider.System, NullLogger<BotSigningKeys>.Instance);

    public static IMeterFactory MeterFactory { get; } = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public TimeProvider Time { get; }
    public RecordingHttpHandler Http { get; }
    public IOptions<TeamsOptions> Options { get; }
    public TeamsMetrics Metrics { get; }
    public TeamsSendQueue Queue { get; }
    public TeamsConnectorClient Connector { get; }

    public TeamsConnectorHealth ConnectorHealth { get; }
    public FixedGraphTokenProvider GraphTokens { get; } = new();
    public TeamsGraphClient Graph { get; }
    public TeamsRoster Roster { get; }
    public TeamsAnswerers Answerers { get; } = new();
    public TeamsPersonalChats PersonalChats { get; } = new();
    public InMemoryTeamsConversationStore Store { get; } = new();
    public TeamsReferenceCache References { get; } = new();
    public FakeCommandSink Sink { get; } = new();
    public InboundPipeline Pipeline => _pipeline ??= TestPipeline.Over(Sink);
    private InboundPipeline? _pipeline;

    public TeamsActivityHandler Handler() =>
        new(Pipeline, Store, Connector, Roster, Answerers, PersonalChats, References, FileUpload(), Metrics, Catalog, NullLogger<TeamsActivityHandler>.Instance);

    /// <summary>The app's own commands: a channel message without the @mention is one only when it reads as one.</summary>
    public static CommandCatalog Catalog { get; } = Cl37.Bot.Commands.CommandRegistrations.Catalog();

    public TeamsFileOffers FileOffers => _fileOffers ??= new TeamsFileOffers(Time);
    private TeamsFileOffers? _fileOffers;

    /// <summary>The file flow over the kit's connector; uploads go through the recording handler too.</summary>
    public TeamsFileUpload FileUpload() =>
        new(FileOffers, Connector, new StubHttpClientFactory(Http), new ChatWording(), NullLogger<TeamsFileUpload>.Instance);

    public TeamsChatPlatform Platform()
    {
        var services = new ServiceCollection().AddSingleton<ITeamsConversationStore>(Store).BuildServiceProvider();
        return new TeamsChatPlatform(services.GetRequiredService<IServiceScopeFactory>(), Connector, Answerers, References);
    }
}

internal sealed class StubHttpClientFactory(HttpMessageHandler handler) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
}

internal sealed class FixedTokenProvider(string? token) : IBotTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult(token);
}

internal sealed class FixedGraphTokenProvider : IGraphTokenProvider
{
    public string? Token { get; set; } = "graph-token";
    public List<string> Tenants { get; } = [];

    public Task<string?> GetTokenAsync(string tenantId, CancellationToken cancellationToken)
    {
        Tenants.Add(tenantId);
        return Task.FromResult(Token);
    }
}

/// <summary>Records what the adapter hands the core and answers with scripted replies.</summary>
internal sealed class FakeCommandSink : IInboundHandler
{
    public List<(string Text, ChannelRef Channel, ChatUser User)> Commands { get; } = [];
    public List<AnswerAction> Answers { get; } = [];
    public OutgoingMessage CommandReply { get; set; } = OutgoingMessage.PrivateText("ok");
    public OutgoingMessage AnswerReply { get; set; } = OutgoingMessage.PrivateText("Recorded: B. Correct!");

    /// <summary>Stored feedback by (post, user id); a user without an entry has not answered.</summary>
    public Dictionary<(long PostId, string UserId), OutgoingMessage> Feedback { get; } = [];
    public OutgoingMessage? QuestionView { get; set; }

    public Task<OutgoingMessage?> HandleAsync(Inbound request, CancellationToken cancellationToken)
    {
        switch (request)
        {
            case TypedCommand typed:
                lock (Commands)
                    Commands.Add((typed.Text, typed.Channel, typed.User));
                return Task.FromResult<OutgoingMessage?>(CommandReply);
            case AnswerAction answer:
                lock (Answers)
                    Answers.Add(answer);
                return Task.FromResult<OutgoingMessage?>(AnswerReply);
            case PostView { Personal: true } view:
                return Task.FromResult(Feedback.TryGetValue((view.PostId, view.User.Id), out var f) ? f : null);
            case PostView:
                return Task.FromResult(QuestionView);
            default:
                throw new NotSupportedException(request.GetType().Name);
        }
    }
}

/// <summary>The real inbound pipeline over a test's handler.</summary>
internal static class TestPipeline
{
    public static InboundPipeline Over(IInboundHandler handler, TimeSpan? teamsDeadline = null) =>
        new ServiceCollection()
            .Configure<InboundOptions>(o =>
            {
                if (teamsDeadline is { } deadline)
                    o.DeferAfter[TeamsActivities.Platform] = deadline;
            })
            .AddSingleton(handler)
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddSingleton<IChatWording, ChatWording>()
            .AddInboundPipeline()
            .BuildServiceProvider()
            .GetRequiredService<InboundPipeline>();
}
