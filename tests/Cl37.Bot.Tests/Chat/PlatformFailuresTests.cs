using Cl37.Bot.Chat;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Chat;

public sealed class PlatformFailuresTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Describe_FailureClearedOnlyByTheSameOperationSucceeding()
    {
        var failures = new PlatformFailures(_time);
        failures.Failed("POST channels/{channel}/messages", "posts failing");

        failures.Succeeded("POST interactions/{id}/{token}/callback");
        Assert.Equal("posts failing (at 2026-11-26 08:00:00 UTC)", failures.Describe());

        failures.Succeeded("POST channels/{channel}/messages");
        Assert.Null(failures.Describe());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Describe_TwoOperationsFailing_NamesBothWhicheverFailedLast(bool sendFirst)
    {
        var failures = new PlatformFailures(_time);
        var order = sendFirst ? new[] { "send", "update" } : ["update", "send"];
        foreach (var operation in order)
        {
            failures.Failed(operation, $"{operation} failed");
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var text = failures.Describe();
        Assert.Contains("send failed", text);
        Assert.Contains("update failed", text);
        Assert.StartsWith($"{order[1]} failed", text);
        Assert.Equal(2, failures.Current().Count);
    }

    [Fact]
    public void Describe_FailureNotRepeated_AgesOutAfterFiveMinutes_RepeatedStays()
    {
        var failures = new PlatformFailures(_time);
        failures.Failed("callback", "one callback failed");
        failures.Failed("messages", "posts failing");

        _time.Advance(TimeSpan.FromMinutes(4));
        failures.Failed("messages", "posts still failing");
        Assert.Equal(
            "posts still failing (at 2026-11-26 08:04:00 UTC); one callback failed (at 2026-11-26 08:00:00 UTC)",
            failures.Describe());

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("posts still failing (at 2026-11-26 08:04:00 UTC)", failures.Describe());

        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Null(failures.Describe());
    }
}
