using System.Net;
using Cl37.Bot.Platforms.Playground.Kernel;
using Cl37.Bot.Platforms.Playground.Outgoing;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Tests.Platforms.Playground;

public sealed class PlaygroundStreamsTests
{
    private static PlaygroundStreams Streams(int total, int perAddress) =>
        new(Options.Create(new PlaygroundOptions { MaxStreams = total, MaxStreamsPerAddress = perAddress }));

    [Fact]
    public void TryOpen_OverEitherCap_RefusedUntilASlotCloses()
    {
        var streams = Streams(total: 3, perAddress: 2);
        var a1 = streams.TryOpen(IPAddress.Parse("10.0.0.1"));
        var a2 = streams.TryOpen(IPAddress.Parse("::ffff:10.0.0.1"));

        var a3 = streams.TryOpen(IPAddress.Parse("10.0.0.1"));
        var b1 = streams.TryOpen(IPAddress.Parse("10.0.0.2"));
        var c1 = streams.TryOpen(IPAddress.Parse("10.0.0.3"));

        Assert.NotNull(a1.Slot);
        Assert.NotNull(a2.Slot);
        Assert.Contains("from your address", a3.Refusal);
        Assert.NotNull(b1.Slot);
        Assert.Contains("live connections open", c1.Refusal);
        a1.Slot!.Dispose();
        a1.Slot.Dispose();
        Assert.Equal(2, streams.Open);
        Assert.NotNull(streams.TryOpen(IPAddress.Parse("10.0.0.3")).Slot);
        Assert.Null(streams.TryOpen(IPAddress.Parse("10.0.0.4")).Slot);
    }

    [Fact]
    public void TryOpen_IPv6SamePrefix_CountsAsOneAddress()
    {
        var streams = Streams(total: 10, perAddress: 1);

        Assert.NotNull(streams.TryOpen(IPAddress.Parse("2001:db8:1:2::1")).Slot);
        Assert.NotNull(streams.TryOpen(IPAddress.Parse("2001:db8:1:3::1")).Slot);
        Assert.Null(streams.TryOpen(IPAddress.Parse("2001:db8:1:2:ffff::9")).Slot);
    }
}
