namespace Cl37.Bot.Tests.Hosting;

/// <summary>The real app started with one wrong setting: it must exit non-zero and say which setting.</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Database__Provider=Oracle", "Database:Provider must be Sqlite or Postgres")]
    [InlineData("Database__Provider=", "Database:Provider is required")]
    [InlineData("Database__ConnectionString=", "Database:ConnectionString is required")]
    [InlineData("Database__Provider=Postgres|Database__ConnectionString=Port=5432", "Database:ConnectionString")]
    [InlineData("Logging__Format=Xml", "Logging:Format")]
    [InlineData("Hosting__ShutdownTimeoutSeconds=soon", "Hosting:ShutdownTimeoutSeconds")]
    [InlineData("Quiz__DefaultTimeZone=Mars/Olympus", "Quiz:DefaultTimeZone")]
    [InlineData("Teams__Enabled=true|Teams__Admins__0=aad-kim", "Teams:Admins is no longer read: list each of these people in Quiz:Admins as teams:<AAD object id>")]
    public async Task Start_WrongSetting_ExitsWithAMessageNamingIt(string settings, string named)
    {
        var values = settings.Split('|').Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        await using var app = AppProcess.Start(values);

        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(Cl37.Bot.Hosting.CommandLine.BadSettings, exitCode);
        Assert.True(app.Output.Contains(named, StringComparison.Ordinal), app.Output);
        // One line naming the setting, not a stack trace.
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", app.Output, StringComparison.Ordinal);
    }
}
