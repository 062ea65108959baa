using System.Globalization;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Discord.Kernel;

/// <summary>Checks the Discord section at start; each message names the setting to fix.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        if (!options.IsEnabled)
            return ValidateOptionsResult.Success;
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
            errors.Add("Discord:Token is required when Discord:Enabled is true (the bot token from the developer portal).");
        else if (options.Token.Any(char.IsWhiteSpace) || options.Token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
            errors.Add("Discord:Token must be the bare bot token, without spaces or a \"Bot \" prefix.");
        if (!string.IsNullOrWhiteSpace(options.ApplicationId) && !IsSnowflake(options.ApplicationId))
            errors.Add("Discord:ApplicationId must be the application's numeric id (a snowflake such as 123456789012345678), or empty to look it up with the token.");
        if (options.Mode == DiscordMode.Http && !IsPublicKey(options.PublicKey))
            errors.Add("Discord:PublicKey must be the application's public key as 64 hex characters when Discord:Mode is Http.");
        if (!string.IsNullOrWhiteSpace(options.PublicKey) && !IsPublicKey(options.PublicKey))
            errors.Add("Discord:PublicKey must be 64 hex characters.");
        foreach (var guild in options.GuildIds)
        {
            if (!IsSnowflake(guild))
                errors.Add($"Discord:GuildIds contains \"{Shorten(guild)}\", which is not a guild id (a snowflake such as 123456789012345678).");
        }
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
            errors.Add($"Discord:ApiBaseUrl must be an absolute http(s) URL such as https://discord.com/api/v10, not \"{Shorten(options.ApiBaseUrl)}\".");
        if (options.ShardCount < 1)
            errors.Add("Discord:ShardCount must be at least 1.");
        if (options.ShardId < 0 || options.ShardId >= Math.Max(1, options.ShardCount))
            errors.Add("Discord:ShardId must be between 0 and Discord:ShardCount - 1.");
        if (!(options.DeferAfterSeconds is > 0 and < 3))
            errors.Add("Discord:DeferAfterSeconds must be above 0 and below 3 (Discord drops interactions not answered within 3 s).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static bool IsSnowflake(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 20 && ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static bool IsPublicKey(string? value) =>
        value is { Length: 64 } && value.All(char.IsAsciiHexDigit);

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
