using Cl37.Bot.Tests.Fakes;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Tests.Scheduling;

public sealed class SchedulingOptionsTests
{
    [Theory]
    [InlineData("Scheduling:Clustered", "true", "Scheduling:Clustered needs PostgreSQL")]
    [InlineData("Scheduling:SweepSeconds", "7", "Scheduling:SweepSeconds must divide 60")]
    [InlineData("Scheduling:MisfireThresholdSeconds", "0", "Scheduling:MisfireThresholdSeconds must be between")]
    public async Task Start_BadSetting_StopsWithAMessageNamingIt(string key, string value, string message)
    {
        await using var app = new QuizApp(settings: new Dictionary<string, string?> { [key] = value });
        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.Server);
        Assert.Contains(message, error.Message);
    }
}
