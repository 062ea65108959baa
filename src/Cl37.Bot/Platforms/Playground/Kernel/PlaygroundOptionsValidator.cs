using System.Text.RegularExpressions;
using Cl37.Bot.Chat;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Playground.Kernel;

/// <summary>Checks the Playground section at start; each message names the setting to fix. The
/// access key is never echoed.</summary>
internal sealed partial class PlaygroundOptionsValidator(PlaygroundBinding binding) : IValidateOptions<PlaygroundOptions>
{
    public ValidateOptionsResult Validate(string? name, PlaygroundOptions options)
    {
        var errors = new List<string>();
        if (!IdPattern().IsMatch(options.Room ?? ""))
            errors.Add("Playground:Room must be 1-32 characters of a-z, 0-9 and '-', starting with a letter or digit.");
        foreach (var channel in options.Channels)
        {
            if (!IdPattern().IsMatch(channel ?? ""))
                errors.Add($"Playground:Channels contains '{channel}': a channel name is 1-32 characters of a-z, 0-9 and '-', starting with a letter or digit.");
        }
        if (options.Channels.Count > 20)
            errors.Add("Playground:Channels may list at most 20 channels.");
        if (options.Channels.Distinct(StringComparer.Ordinal).Count() != options.Channels.Count)
            errors.Add("Playground:Channels lists a channel twice.");
        if (options.HistoryLimit is < 10 or > 10_000)
            errors.Add("Playground:HistoryLimit must be between 10 and 10000.");
        if (options.MaxRequestBytes is < 1024 or > 1024 * 1024)
            errors.Add("Playground:MaxRequestBytes must be between 1024 and 1048576.");
        if (options.MaxUploadBytes < options.MaxRequestBytes || options.MaxUploadBytes > 64 * 1024 * 1024)
            errors.Add("Playground:MaxUploadBytes must be at least Playground:MaxRequestBytes and at most 67108864.");
        if (options.MaxQueuedEvents is < 16 or > 100_000)
            errors.Add("Playground:MaxQueuedEvents must be between 16 and 100000.");
        if (options.MaxStreams is < 1 or > 100_000)
            errors.Add("Playground:MaxStreams must be between 1 and 100000.");
        if (options.MaxStreamsPerAddress is < 1 or > 100_000)
            errors.Add("Playground:MaxStreamsPerAddress must be between 1 and 100000.");
        if (options.StreamWriteTimeoutSeconds is < 1 or > 300)
            errors.Add("Playground:StreamWriteTimeoutSeconds must be between 1 and 300.");
        if (options.StreamSnapshotMessages is < 1 or > 10_000)
            errors.Add("Playground:StreamSnapshotMessages must be between 1 and 10000.");
        // The key travels in a header, so it keeps to characters every header can carry.
        if (options.HasAccessKey && !KeyPattern().IsMatch(options.AccessKey!))
            errors.Add($"Playground:AccessKey must be 16 to 256 visible ASCII characters without spaces: {AccessKeys.HowToGenerate}.");
        else if (options.HasAccessKey && AccessKeys.Weakness(options.AccessKey!) is { } weakness)
            errors.Add($"Playground:AccessKey is too easy to guess ({weakness}): {AccessKeys.HowToGenerate}.");
        if (options.SessionHours is < 0.05 or > 720 || !double.IsFinite(options.SessionHours))
            errors.Add("Playground:SessionHours must be between 0.05 and 720.");
        if (options.MaxKeyFailuresPerMinute is < 1 or > 10_000)
            errors.Add("Playground:MaxKeyFailuresPerMinute must be between 1 and 10000.");
        if (options.Enabled == true && binding.BeyondLoopback && !options.HasAccessKey)
            errors.Add($"Playground:Enabled is true and the app listens on {string.Join(", ", binding.Addresses)}, beyond this machine: set Playground:AccessKey (the page asks for it once), or listen on localhost only.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    internal static partial Regex IdPattern();

    [GeneratedRegex("^[!-~]{16,256}$")]
    private static partial Regex KeyPattern();
}
