using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Platforms.Discord;

/// <summary>A test class whose tests run the gateway client against the loopback fake Discord with a
/// fake clock; the client a test starts in <see cref="Run"/> is stopped and awaited afterwards.</summary>
public abstract class LiveGatewayTests : IAsyncLifetime
{
    protected ArmedTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    protected CancellationTokenSource Stop { get; } = new();

    protected FakeDiscordServer Fake { get; private set; } = null!;

    protected DiscordTestHost Host { get; private set; } = null!;

    protected Task Run { get; set; } = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Fake = await FakeDiscordServer.StartAsync();
        Host = await DiscordTestHost.CreateAsync(Fake, Time);
    }

    public async Task DisposeAsync()
    {
        await Stop.CancelAsync();
        await Task.WhenAny(Run, Task.Delay(TimeSpan.FromSeconds(10)));
        await Host.DisposeAsync();
        await Fake.DisposeAsync();
        Stop.Dispose();
    }
}
