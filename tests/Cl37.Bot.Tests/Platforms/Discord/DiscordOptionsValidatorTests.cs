using Cl37.Bot.Platforms.Discord.Kernel;

namespace Cl37.Bot.Tests.Platforms.Discord;

public sealed class DiscordOptionsValidatorTests
{
    private static DiscordOptions Valid() => new()
    {
        Token = "abc.def.ghi",
        ApplicationId = "1100000000000000001",
        PublicKey = new string('a', 64),
    };

    [Fact]
    public void Validate_NoTokenNotEnabled_IsFine() =>
        Assert.True(new DiscordOptionsValidator().Validate(null, new DiscordOptions()).Succeeded);

    [Fact]
    public void Validate_NoApplicationId_IsLookedUpLater() =>
        Assert.True(new DiscordOptionsValidator().Validate(null, new DiscordOptions { Token = "abc" }).Succeeded);

    [Fact]
    public void Validate_ValidSettings_Succeed() =>
        Assert.True(new DiscordOptionsValidator().Validate(null, Valid()).Succeeded);

    public static TheoryData<string, string> BadSettings() => new()
    {
        { "enabled without token", "Discord:Token" },
        { "token with Bot prefix", "Discord:Token" },
        { "application id not a snowflake", "Discord:ApplicationId" },
        { "http without public key", "Discord:PublicKey" },
        { "public key not hex", "Discord:PublicKey" },
        { "guild id not a snowflake", "Discord:GuildIds" },
        { "api url relative", "Discord:ApiBaseUrl" },
        { "shard id out of range", "Discord:ShardId" },
        { "shard count zero", "Discord:ShardCount" },
        { "defer after 3 seconds", "Discord:DeferAfterSeconds" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Validate_BadSetting_NamesTheSetting(string kind, string setting)
    {
        var o = Valid();
        switch (kind)
        {
            case "enabled without token": o.Token = ""; o.Enabled = true; break;
            case "token with Bot prefix": o.Token = "Bot abc"; break;
            case "application id not a snowflake": o.ApplicationId = "my-app"; break;
            case "http without public key": o.Mode = DiscordMode.Http; o.PublicKey = ""; break;
            case "public key not hex": o.PublicKey = new string('z', 64); break;
            case "guild id not a snowflake": o.GuildIds = ["study group"]; break;
            case "api url relative": o.ApiBaseUrl = "discord.com/api"; break;
            case "shard id out of range": o.ShardId = 2; o.ShardCount = 2; break;
            case "shard count zero": o.ShardCount = 0; break;
            case "defer after 3 seconds": o.DeferAfterSeconds = 3; break;
        }

        var result = new DiscordOptionsValidator().Validate(null, o);

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("abc.def.ghi", result.FailureMessage, StringComparison.Ordinal);
    }
}
