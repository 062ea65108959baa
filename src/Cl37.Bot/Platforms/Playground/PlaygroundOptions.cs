namespace Cl37.Bot.Platforms.Playground;

/// <summary>The <c>Playground</c> settings section: the local web channel.</summary>
internal sealed class PlaygroundOptions
{
    public const string Section = "Playground";

    /// <summary>On, off, or null for automatic: on when neither <c>Discord:Token</c> nor
    /// <c>Teams:AppId</c> is configured.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Lets the person switcher mark someone as admin. When false, only people listed in
    /// <c>Quiz:Admins</c> as <c>playground:id</c> are admins.</summary>
    public bool AllowAdminSwitch { get; set; } = true;

    /// <summary>The room id (the group, in <c>ChannelRef.GroupId</c>).</summary>
    public string Room { get; set; } = "local";

    /// <summary>The channels shown in the room; empty means just <c>general</c>.</summary>
    public List<string> Channels { get; set; } = [];

    /// <summary>Messages kept per channel; older ones drop off.</summary>
    public int HistoryLimit { get; set; } = 200;

    /// <summary>Largest accepted request body in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 16 * 1024;

    /// <summary>Events that may queue for one slow browser tab before it is disconnected (it reconnects and reloads).</summary>
    public int MaxQueuedEvents { get; set; } = 256;

    public IReadOnlyList<string> EffectiveChannels => Channels.Count > 0 ? Channels : ["general"];

    /// <summary>Whether the playground runs, given the rest of the configuration.</summary>
    public bool IsEnabled(IConfiguration configuration) =>
        Enabled ?? (string.IsNullOrWhiteSpace(configuration["Discord:Token"]) && string.IsNullOrWhiteSpace(configuration["Teams:AppId"]));
}
