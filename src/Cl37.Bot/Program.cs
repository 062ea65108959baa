using Cl37.Bot.Hosting;

if (await CommandLine.TryRunAsync(args, Console.Out, Console.Error) is { } exitCode)
    return exitCode;

return await CommandLine.RunHostAsync(() =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddCl37Bot();
    var app = builder.Build();
    app.MapCl37Bot();
    return app;
}, Console.Error);
