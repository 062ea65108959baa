using Cl37.Bot.Hosting;

if (await CommandLine.TryRunAsync(args, Console.Out, Console.Error) is { } exitCode)
    return exitCode;

var builder = WebApplication.CreateBuilder(args);
builder.AddCl37Bot();

var app = builder.Build();
app.MapCl37Bot();
return await CommandLine.RunHostAsync(app, Console.Error);
