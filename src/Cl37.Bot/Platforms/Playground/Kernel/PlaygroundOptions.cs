
namespace Cl37.Bot.Platforms.Playground.Kernel;

/// <summary>The <c>Playground</c> settings section: the local web channel.</summary>
internal sealed class PlaygroundOptions
{
    public const string Section = "Playground";

    /// <summary>On, off, or null for automatic: on when the app listens on this machine only
    /// (loopback) and neither <c>Discord:Token</c> nor <c>Teams:AppId</c> is configured. Beyond
    /// loopback it runs only when set to true, and then only with an <see cref="AccessKey"/>.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The key the page asks for once; every API request and live stream must carry it, or
    /// the session cookie the page got for it. Required when the app listens beyond loopback; at least
    /// 16 characters of some variety. Secret.</summary>
    public string? AccessKey { get; set; }

    /// <summary>Hours a browser's session lasts after the key was typed; then the page asks again.
    /// Sessions live in memory only, so a restart (with a new key or not) ends every one.</summary>
    public double SessionHours { get; set; } = 12;

    /// <summary>Wrong keys one client address may try in a minute; further attempts get 429 with
    /// <c>Retry-After</c> until the minute is over.</summary>
    public int MaxKeyFailuresPerMinute { get; set; } = 10;

    /// <summary>Lets the person switcher mark someone as admin. When false, nobody is an admin in the
    /// playground: the names of people listed in <c>Quiz:Admins</c> as <c>playground:id</c> are refused,
    /// since anyone could type them.</summary>
    public bool AllowAdminSwitch { get; set; } = true;

    /// <summary>The room id (the group, in <c>ChannelRef.GroupId</c>).</summary>
    public string Room { get; set; } = "local";

    /// <summary>The channels shown in the room; empty means just <c>general</c>.</summary>
    public List<string> Channels { get; set; } = [];

    /// <summary>Messages kept per channel; older ones drop off.</summary>
    public int HistoryLimit { get; set; } = 200;

    /// <summary>Largest accepted request body in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 16 * 1024;

    /// <summary>Largest accepted body of a command sent with a file (the file travels as base64 in it);
    /// the command's own limit on the file (a deck's size) is the bot's to say.</summary>
    public int MaxUploadBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Events that may queue for one slow browser tab before it is disconnected (it reconnects and reloads).</summary>
    public int MaxQueuedEvents { get; set; } = 256;

    /// <summary>Live streams (open tabs) in all; one more is refused with 429.</summary>
    public int MaxStreams { get; set; } = 1000;

    /// <summary>Live streams from one client address (an IPv6 /64 counts as one); one more is refused with 429.</summary>
    public int MaxStreamsPerAddress { get; set; } = 100;

    /// <summary>Seconds a live stream's write may wait for a tab that stopped reading before the connection is cut.</summary>
    public int StreamWriteTimeoutSeconds { get; set; } = 10;

    /// <summary>The newest messages a stream starts with; older ones stay in <c>/playground/api/messages</c>.</summary>
    public int StreamSnapshotMessages { get; set; } = 100;

    public bool HasAccessKey => !string.IsNullOrEmpty(AccessKey);

    public IReadOnlyList<string> EffectiveChannels => Channels.Count > 0 ? Channels : ["general"];

    /// <summary>Whether the playground runs, given the rest of the configuration and where the app
    /// listens. Beyond loopback an explicit true is needed; start-up validation then asks for the key.</summary>
    public bool IsEnabled(IConfiguration configuration, PlaygroundBinding binding) =>
        binding.BeyondLoopback
            ? Enabled == true
            : Enabled ?? (string.IsNullOrWhiteSpace(configuration["Discord:Token"]) && string.IsNullOrWhiteSpace(configuration["Teams:AppId"]));
}
