using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Fakes;

/// <summary>A <see cref="FakeTimeProvider"/> that also knows which timers the code under test has
/// armed, so a test moves the clock only once the wait it means to end exists: advancing before
/// the timer is created would leave that timer waiting for a clock that has already moved.</summary>
public sealed class ArmedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(1);
    private readonly FakeTimeProvider _clock = new(start);
    private readonly List<Armed> _armed = [];

    public override DateTimeOffset GetUtcNow() => _clock.GetUtcNow();

    public override long GetTimestamp() => _clock.GetTimestamp();

    public override long TimestampFrequency => _clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _clock.LocalTimeZone;

    public void Advance(TimeSpan delta) => _clock.Advance(delta);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var armed = new Armed(this, _clock.GetUtcNow() + dueTime, period);
        lock (_armed)
            _armed.Add(armed);
        armed.Inner = _clock.CreateTimer(s =>
        {
            armed.Fired();
            callback(s);
        }, state, dueTime, period);
        return armed;
    }

    /// <summary>How many timers are armed to fire exactly <paramref name="dueIn"/> from now.</summary>
    public int ArmedFor(TimeSpan dueIn) => Count(dueIn, exactly: true);

    /// <summary>Waits until at least <paramref name="count"/> timers are armed to fire exactly
    /// <paramref name="dueIn"/> from now.</summary>
    public Task WhenArmedAsync(TimeSpan dueIn, int count = 1) => WhenAsync(dueIn, count, exactly: true);

    /// <summary>Waits until a timer is armed to fire at most <paramref name="dueIn"/> from now, for a
    /// wait whose length the code under test picks at random.</summary>
    public Task WhenArmedWithinAsync(TimeSpan dueIn) => WhenAsync(dueIn, 1, exactly: false);

    private async Task WhenAsync(TimeSpan dueIn, int count, bool exactly)
    {
        for (var i = 0; i < 1000 && Count(dueIn, exactly) < count; i++)
            await Task.Delay(10);
        if (Count(dueIn, exactly) < count)
            throw new TimeoutException($"the code under test armed {Count(dueIn, exactly)} of {count} timers due {(exactly ? "in" : "within")} {dueIn}");
    }

    private int Count(TimeSpan dueIn, bool exactly)
    {
        var due = _clock.GetUtcNow() + dueIn;
        lock (_armed)
            return _armed.Count(a => exactly ? (a.Due - due).Duration() <= Tolerance : a.Due <= due + Tolerance);
    }

    private sealed class Armed(ArmedTimeProvider owner, DateTimeOffset due, TimeSpan period) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset Due { get; private set; } = due;

        public TimeSpan Period { get; private set; } = period;

        public void Fired()
        {
            lock (owner._armed)
            {
                if (Period == Timeout.InfiniteTimeSpan || Period == TimeSpan.Zero)
                    owner._armed.Remove(this);
                else
                    Due += Period;
            }
        }

        public void Remove()
        {
            lock (owner._armed)
                owner._armed.Remove(this);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._armed)
            {
                Due = owner._clock.GetUtcNow() + dueTime;
                Period = period;
                owner._armed.Remove(this);
                if (dueTime != Timeout.InfiniteTimeSpan)
                    owner._armed.Add(this);
            }
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            Remove();
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Remove();
            return Inner.DisposeAsync();
        }
    }
}
