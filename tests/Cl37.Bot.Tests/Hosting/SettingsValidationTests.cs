using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Hosting;

public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Database:Provider=Oracle", "Database:Provider")]
    [InlineData("Database:Provider=Postgres|Database:ConnectionString=Port=5432", "Database:ConnectionString")]
    [InlineData("Database:ConnectionString=Data Source=", "Database:ConnectionString")]
    [InlineData("Logging:Format=Xml", "Logging:Format")]
    [InlineData("Hosting:ShutdownTimeoutSeconds=0", "Hosting:ShutdownTimeoutSeconds")]
    [InlineData("Hosting:ShutdownTimeoutSeconds=soon", "Hosting:ShutdownTimeoutSeconds")]
    [InlineData("Quiz:DefaultTimeZone=Mars/Olympus", "Quiz:DefaultTimeZone")]
    public void Start_WrongSetting_StopsWithAMessageNamingIt(string settings, string named)
    {
        var values = settings.Split('|').Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1]);
        using var app = new QuizApp(settings: values);

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }
}
