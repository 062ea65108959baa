using Cl37.Bot.Commands;
using Cl37.Bot.Chat;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cl37.Bot.Benchmarks;

/// <summary>The real app in-process on a fresh SQLite file, posting to a null platform.</summary>
internal sealed class BenchApp : WebApplicationFactory<CommandDispatcher>
{
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"cl37-bench-{Guid.NewGuid():N}.db");

    public static readonly ChannelRef Channel = new("bench", "group", "channel");

    public BenchApp()
    {
        // The factory finds the app's content root from this variable outside a test project.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CL37BOT", Machine.RepoRoot());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:ConnectionString", $"Data Source={DatabasePath}");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Playground:Enabled", "false");
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<IChatPlatform, NullChatPlatform>();
            // Every driver answers with the first option, a valid answer only to single-choice questions.
            s.AddSingleton(_ => BenchDecks.SingleChoice());
        });
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        BenchDatabase.Delete(DatabasePath);
    }
}
