using System.Net;
using System.Net.Sockets;
using Cl37.Bot.Platforms.Playground.Kernel;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Playground.Outgoing;

/// <summary>Counts open live streams, in all and per client address, and refuses one over either cap.</summary>
internal sealed class PlaygroundStreams(IOptions<PlaygroundOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _perAddress = new(StringComparer.Ordinal);
    private int _total;

    public int Open
    {
        get
        {
            lock (_gate)
                return _total;
        }
    }

    /// <summary>A slot for one stream, or one sentence saying why there is none.</summary>
    public (IDisposable? Slot, string? Refusal) TryOpen(IPAddress? address)
    {
        var key = AddressKey(address);
        lock (_gate)
        {
            if (_total >= options.Value.MaxStreams)
                return (null, $"The playground already has {_total} live connections open, as many as it allows. Close a tab, or try again in a minute.");
            var mine = _perAddress.GetValueOrDefault(key);
            if (mine >= options.Value.MaxStreamsPerAddress)
                return (null, $"{mine} live connections are already open from your address, as many as one address may have. Close some tabs, or try again in a minute.");
            _total++;
            _perAddress[key] = mine + 1;
        }
        return (new Slot(this, key), null);
    }

    private void Close(string key)
    {
        lock (_gate)
        {
            _total--;
            if (_perAddress[key] <= 1)
                _perAddress.Remove(key);
            else
                _perAddress[key]--;
        }
    }

    // One IPv6 host usually holds a whole /64, so per-address counting uses the prefix.
    internal static string AddressKey(IPAddress? address)
    {
        if (address is null)
            return "in-process";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private sealed class Slot(PlaygroundStreams owner, string key) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
                owner.Close(key);
        }
    }
}
