using Microsoft.Extensions.Options;

namespace Cl37.Bot.Hosting;

/// <summary>Graceful stop: SIGTERM stops accepting requests, then every hosted service (answer writer,
/// gateway, scheduler) gets <see cref="LifetimeOptions.ShutdownTimeoutSeconds"/> to finish.</summary>
public static class LifetimeHostingExtensions
{
    public static WebApplicationBuilder AddLifetime(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LifetimeOptions>()
            .Bind(builder.Configuration.GetSection(LifetimeOptions.Section))
            .Validate(o => o.ShutdownTimeoutSeconds is >= 1 and <= 600, "Hosting:ShutdownTimeoutSeconds must be between 1 and 600.")
            .ValidateOnStart();
        builder.Services.AddHostedService<IdleMemoryTrim>();
        builder.Services.AddOptions<HostOptions>()
            .Configure<IOptions<LifetimeOptions>>((host, lifetime) =>
                host.ShutdownTimeout = TimeSpan.FromSeconds(Math.Clamp(lifetime.Value.ShutdownTimeoutSeconds, 1, 600)));
        return builder;
    }
}
