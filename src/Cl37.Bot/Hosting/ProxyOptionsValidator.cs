using System.Net;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Hosting;

/// <summary>Checks the Proxy section at start; each message names the entry to fix. A blank entry
/// (an unset variable in docker-compose) counts as none.</summary>
internal sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(options.KnownProxies[i]) && !IPAddress.TryParse(options.KnownProxies[i].Trim(), out _))
                errors.Add($"Proxy:KnownProxies:{i} is '{options.KnownProxies[i]}': give the proxy's IP address, e.g. 10.0.0.5 (a host name is not accepted).");
        }
        for (var i = 0; i < options.KnownNetworks.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(options.KnownNetworks[i]) && !IPNetwork.TryParse(options.KnownNetworks[i].Trim(), out _))
                errors.Add($"Proxy:KnownNetworks:{i} is '{options.KnownNetworks[i]}': give a network in CIDR notation, e.g. 172.18.0.0/16.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
