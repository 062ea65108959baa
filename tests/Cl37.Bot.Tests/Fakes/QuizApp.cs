using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Fakes;

/// <summary>The whole app in memory on a fresh SQLite file, with a controllable clock, a recording
/// platform named "test" and the small test deck (or the real content).</summary>
public sealed class QuizApp : WebApplicationFactory<Program>
{
    private readonly string _dbPath;
    private readonly bool _ownsDatabase;
    private readonly Dictionary<string, string?> _settings = new();
    private readonly DeckLibrary? _decks;

    /// <param name="databasePath">A database file the test keeps, to start the app again on it (a
    /// restart with an edited deck); by default a fresh file deleted with the app.</param>
    public QuizApp(DeckLibrary? decks = null, IDictionary<string, string?>? settings = null, DateTimeOffset? start = null, string? databasePath = null)
    {
        _ownsDatabase = databasePath is null;
        _dbPath = databasePath ?? Path.Combine(Path.GetTempPath(), $"cl37-test-{Guid.NewGuid():N}.db");
        _decks = decks ?? TestDeck.Library();
        Clock = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        if (settings is not null)
        {
            foreach (var (k, v) in settings)
                _settings[k] = v;
        }
    }

    public FakeTimeProvider Clock { get; }

    public RecordingChatPlatform Platform { get; } = new();

    public string DatabasePath => _dbPath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:ConnectionString", $"Data Source={_dbPath}");
        builder.UseSetting("Quiz:TallyUpdateSeconds", "3600");
        // Off unless a test turns it on: the background sweep would race tests that call RevealDueAsync/EndDueAsync themselves.
        builder.UseSetting("Scheduling:Enabled", "false");
        foreach (var (k, v) in _settings)
            builder.UseSetting(k, v);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IChatPlatform>(Platform);
            if (_decks is not null)
            {
                services.RemoveAll<DeckLibrary>();
                services.AddSingleton(_decks);
            }
        });
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public InboundDriver Dispatcher => Services.Inbound();

    public BotDbContext Db() => Get<IDbContextFactory<BotDbContext>>().CreateDbContext();

    public static ChannelRef Channel(string channel = "general") => new("test", "group1", channel);

    public static ChatUser User(string id, bool admin = false) => new(id, "Name " + id, admin);

    public Task<OutgoingMessage> RunAsync(string text, ChatUser user, ChannelRef? channel = null) =>
        Dispatcher.DispatchTextAsync(text, channel ?? Channel(), user, CancellationToken.None);

    /// <summary>Posts a question as an admin and returns its post id.</summary>
    public async Task<long> PostQuestionAsync(ChannelRef? channel = null)
    {
        var before = Platform.Posts.Count;
        var reply = await RunAsync("/quiz now", User("admin", admin: true), channel);
        var card = Platform.Posts.Skip(before).Select(p => p.Message.Card).OfType<QuestionCard>().LastOrDefault();
        return card?.PostId ?? throw new InvalidOperationException("No question was posted: " + reply.Text);
    }

    public Task<OutgoingMessage> AnswerAsync(long postId, string user, params string[] values) =>
        Dispatcher.AnswerAsync(new AnswerAction(Channel(), User(user), postId, values), CancellationToken.None);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
            SqliteFiles.Delete(_dbPath);
    }
}
