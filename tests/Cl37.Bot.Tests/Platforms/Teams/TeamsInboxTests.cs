using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Incoming;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Cl37.Bot.Platforms.Teams.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Platforms.Teams;

public sealed class TeamsInboxTests
{
    [Fact]
    public async Task TryEnqueue_TwoCommandsInOneConversation_AreHandledInArrivalOrder()
    {
        var kit = new TeamsTestKit(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)));
        var sink = new GatedSink();
        var handler = new TeamsActivityHandler(TestPipeline.Over(sink), kit.Store, kit.Connector, kit.Roster, kit.Answerers, new TeamsPersonalChats(), new TeamsReferenceCache(), kit.FileUpload(), kit.Metrics, TeamsTestKit.Catalog, kit.Downloads(), NullLogger<TeamsActivityHandler>.Instance);
        using var inbox = new TeamsInbox(new ServiceCollection().AddSingleton(handler).BuildServiceProvider(), NullLogger<TeamsInbox>.Instance);
        await inbox.StartAsync(default);

        Assert.True(inbox.TryEnqueue(Message("quiz now")));
        Assert.True(inbox.TryEnqueue(Message("quiz reveal")));
        await sink.FirstStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(100);
        Assert.Equal(["quiz now"], sink.Seen);
        sink.Release.SetResult();
        await kit.Http.WaitForAsync(2);

        Assert.Equal(["quiz now", "quiz reveal"], sink.Seen);
        await inbox.StopAsync(default);
    }

    private static Activity Message(string text)
    {
        var activity = TeamsActivityHandlerTests.Sample("message-personal");
        activity.Text = text;
        return activity;
    }

    private sealed class GatedSink : IInboundHandler
    {
        public TaskCompletionSource FirstStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public List<string> Seen { get; } = [];

        public async Task<OutgoingMessage?> HandleAsync(Inbound request, CancellationToken cancellationToken)
        {
            var text = ((TypedCommand)request).Text;
            lock (Seen)
                Seen.Add(text);
            if (Seen.Count == 1)
            {
                FirstStarted.SetResult();
                await Release.Task;
            }
            return OutgoingMessage.PrivateText("ok " + text);
        }
    }
}
