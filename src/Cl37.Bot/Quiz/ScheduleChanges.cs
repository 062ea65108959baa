namespace Cl37.Bot.Quiz;

/// <summary>Tells the scheduler that a channel's schedule row changed (set, switched off, paused by
/// the app's removal or resumed), so the change takes effect without a restart.</summary>
public sealed class ScheduleChanges
{
    /// <summary>Raised with the channel id after its schedule row changed.</summary>
    public event Action<long>? Changed;

    public void Notify(long channelId) => Changed?.Invoke(channelId);
}
