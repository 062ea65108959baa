var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/health/ready", () => "ok");
await app.RunAsync();
