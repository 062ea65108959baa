using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Scheduling;

public sealed class SchedulingOptionsTests
{
    [Theory]
    [InlineData("Scheduling:Clustered", "true", "Scheduling:Clustered needs PostgreSQL")]
    [InlineData("Scheduling:SweepSeconds", "7", "Scheduling:SweepSeconds must divide 60")]
    [InlineData("Scheduling:MisfireThresholdSeconds", "0", "Scheduling:MisfireThresholdSeconds must be between")]
    public async Task Start_BadSetting_StopsWithAMessageNamingIt(string key, string value, string message)
    {
        var (exitCode, error) = await StartupCheck.RunAsync(new Dictionary<string, string?> { [key] = value });

        Assert.Equal(Cl37.Bot.Hosting.CommandLine.BadSettings, exitCode);
        Assert.Contains("Setting problem: " + message, error, StringComparison.Ordinal);
    }
}
