using Cl37.Bot.Observability;
using Microsoft.Extensions.Configuration;

namespace Cl37.Bot.Tests.Observability;

public sealed class SecretRedactorTests
{
    private static SecretRedactor Redactor(Dictionary<string, string?> settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    [Fact]
    public void Redact_ConfiguredSecretValues_AreMasked()
    {
        var redactor = Redactor(new()
        {
            ["Discord:Token"] = "fake-discord-token-value",
            ["Teams:AppPassword"] = "fake~teams~password",
            ["Discord:PublicKey"] = "ab12cd34ef56ab12cd34ef56",
            ["Database:ConnectionString"] = "Host=db;Username=cl37;Password=pg-secret-pw",
        });

        var text = redactor.Redact("token fake-discord-token-value, pw fake~teams~password, key ab12cd34ef56ab12cd34ef56, db pg-secret-pw");

        Assert.Equal("token ***, pw ***, key ***, db ***", text);
    }

    [Theory]
    [InlineData("Authorization: Bot MTAxNzY0NzQ3NTk1NTI0MTA5Mg.GxYzAb.abcdefghijklmnopqrstuvwxyz0123", "Authorization: Bot ***")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl", "Bearer ***")]
    [InlineData("POST https://discord.com/api/v10/webhooks/1017647475955241092/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MA/messages/@original", "POST https://discord.com/api/v10/webhooks/1017647475955241092/***/messages/@original")]
    [InlineData("POST https://discord.com/api/v10/interactions/1017647475955241092/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MA/callback failed", "POST https://discord.com/api/v10/interactions/1017647475955241092/***/callback failed")]
    [InlineData("X-Signature-Ed25519: 8f2ab3c4d5e6f70812233445566778899aabbccddeeff00112233445566778899", "X-Signature-Ed25519: ***")]
    [InlineData("Server=db;Password=hunter22;Database=x", "Server=db;Password=***;Database=x")]
    public void Redact_CredentialShapesFromOutside_AreMasked(string text, string expected)
    {
        Assert.Equal(expected, Redactor([]).Redact(text));
    }

    [Theory]
    [InlineData("PWD", false)]
    [InlineData("Teams:TokenEndpoint", false)]
    [InlineData("Discord:Token", true)]
    [InlineData("GITHUB_TOKEN", true)]
    [InlineData("Teams:AppPassword", true)]
    [InlineData("Discord:PublicKey", true)]
    public void IsSecretName_SettingNames_AreClassifiedByTheirLastWord(string key, bool secret)
    {
        Assert.Equal(secret, SecretRedactor.IsSecretName(key));
    }

    [Fact]
    public void Redact_OrdinaryLogText_IsUnchanged()
    {
        const string text = "Posted question k8s/mcq/3 to discord:123/456 in 12 ms; 38 questions loaded from /app/content; " +
            "at Cl37.Bot.Data.DataHostingExtensions.CreateFactory(IServiceProvider sp) in /src/Cl37.Bot/Data/DataHostingExtensions.cs:line 33";
        Assert.Equal(text, Redactor(new() { ["Discord:Token"] = "abcdefgh" }).Redact(text));
    }
}
