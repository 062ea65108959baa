using System.Diagnostics.Metrics;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace Cl37.Bot.Tests.Observability;

/// <summary>One naming scheme for every instrument the app creates: <c>cl37_…</c> in snake case,
/// <c>cl37_&lt;platform&gt;_…</c> in an adapter, durations in seconds.</summary>
public sealed partial class MetricNamesTests
{
    [Fact]
    public void Instruments_OfEveryClassThatTakesAMeterFactory_FollowTheNamingScheme()
    {
        var instruments = Published();
        var problems = new List<string>();
        foreach (var (owner, instrument) in instruments)
        {
            if (!SnakeCase().IsMatch(instrument.Name))
                problems.Add($"{owner.Name}: {instrument.Name} is not cl37_ in snake case");
            if (Platform(owner) is { } platform && !instrument.Name.StartsWith($"cl37_{platform}_", StringComparison.Ordinal))
                problems.Add($"{owner.Name}: {instrument.Name} does not start with cl37_{platform}_");
            if (instrument.GetType().GetGenericTypeDefinition() == typeof(Histogram<>) && instrument.Unit != "s")
                problems.Add($"{owner.Name}: {instrument.Name} measures in '{instrument.Unit}', not seconds");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // Guards the discovery itself: these classes exist, so a list without them is broken.
        Assert.Contains(instruments, i => i.Instrument.Name == "cl37_inbound_duration");
        Assert.Contains(instruments, i => i.Instrument.Name.StartsWith("cl37_discord_", StringComparison.Ordinal));
        Assert.Contains(instruments, i => i.Instrument.Name.StartsWith("cl37_teams_", StringComparison.Ordinal));
    }

    [GeneratedRegex("^cl37_[a-z0-9]+(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    // "discord" for a type under Cl37.Bot.Platforms.Discord.
    private static string? Platform(Type owner) =>
        owner.Namespace?.Split('.') is [_, _, "Platforms", var name, ..] ? name.ToLowerInvariant() : null;

    /// <summary>Creates every production class whose constructor takes an <see cref="IMeterFactory"/>
    /// and records the instruments each one creates on a meter factory of this test's own.</summary>
    private static List<(Type Owner, Instrument Instrument)> Published()
    {
        using var services = new ServiceCollection().AddMetrics().AddLogging().AddOptions().AddSingleton(TimeProvider.System).BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var found = new List<(Type, Instrument)>();
        Type? current = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meters) && current is not null)
                    found.Add((current, instrument));
            },
        };
        listener.Start();
        var owners = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(IMeterFactory))))
            .ToList();
        foreach (var owner in owners)
        {
            current = owner;
            Create(services, owner);
        }
        return found;
    }

    // The app's own dependencies of a metrics class (a connection state, say) are made the same way.
    private static object Create(IServiceProvider services, Type type)
    {
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters()
            .Select(p => services.GetService(p.ParameterType)
                ?? (p.HasDefaultValue ? p.DefaultValue : null)
                ?? (p.ParameterType.Assembly == typeof(Program).Assembly && p.ParameterType.IsClass ? Create(services, p.ParameterType) : null))
            .ToArray();
        return constructor.Invoke(arguments);
    }
}
