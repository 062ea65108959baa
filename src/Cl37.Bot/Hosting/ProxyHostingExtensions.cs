using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Hosting;

/// <summary>Believes X-Forwarded-For and X-Forwarded-Proto from the configured proxies only.</summary>
internal static class ProxyHostingExtensions
{
    public static WebApplicationBuilder AddProxies(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>());
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            // X-Forwarded-Host stays out: the host name is not the proxy's to change here.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // No limit on the chain: entries are taken from the right while the hop that added them is a
            // known proxy, so a client's own X-Forwarded-For ends at the first address nobody vouches for.
            forwarded.ForwardLimit = null;
            // The defaults trust loopback; only what is configured counts.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                if (IPAddress.TryParse(proxy?.Trim(), out var address))
                    forwarded.KnownProxies.Add(address);
            }
            foreach (var network in proxies.Value.KnownNetworks)
            {
                if (System.Net.IPNetwork.TryParse(network?.Trim(), out var parsed))
                    forwarded.KnownIPNetworks.Add(parsed);
            }
        });
        return builder;
    }

    public static WebApplication UseProxies(this WebApplication app)
    {
        // Read from configuration: the options' values are validated at start, after this runs.
        var section = app.Configuration.GetSection(ProxyOptions.Section);
        if (section.GetSection(nameof(ProxyOptions.KnownProxies)).GetChildren().Concat(section.GetSection(nameof(ProxyOptions.KnownNetworks)).GetChildren())
            .Any(entry => !string.IsNullOrWhiteSpace(entry.Value)))
            app.UseForwardedHeaders();
        return app;
    }
}
