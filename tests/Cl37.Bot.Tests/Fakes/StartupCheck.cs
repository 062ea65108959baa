using Cl37.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Cl37.Bot.Tests.Fakes;

/// <summary>The app built and started as <c>Program</c> does it, with some settings: whether it
/// refuses to start, with the exit code and what it wrote to standard error.</summary>
internal static class StartupCheck
{
    public static async Task<(int ExitCode, string Error)> RunAsync(IDictionary<string, string?> settings)
    {
        var error = new StringWriter();
        WebApplication? started = null;
        var run = CommandLine.RunHostAsync(() =>
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["Database:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"cl37-startup-{Guid.NewGuid():N}.db")}",
                ["Scheduling:Enabled"] = "false",
            });
            builder.Configuration.AddInMemoryCollection(settings);
            builder.AddCl37Bot();
            var app = builder.Build();
            app.MapCl37Bot();
            started = app;
            return app;
        }, error);
        // A setting the app accepts starts it: stop it and let the test see exit code 0.
        if (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30))) != run && started is not null)
            await started.StopAsync();
        return (await run, error.ToString());
    }
}
