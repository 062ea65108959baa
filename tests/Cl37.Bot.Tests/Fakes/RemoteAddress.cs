using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Cl37.Bot.Tests.Fakes;

/// <summary>Makes every request of an in-memory test server arrive from <paramref name="address"/>,
/// as Kestrel would report a caller on another machine.</summary>
public sealed class RemoteAddress(IPAddress address) : IStartupFilter
{
    public static readonly IPAddress Stranger = IPAddress.Parse("203.0.113.9");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            context.Connection.RemoteIpAddress = address;
            return following(context);
        });
        next(app);
    };
}
