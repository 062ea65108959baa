namespace Cl37.Bot.Calculators;

/// <summary>Peak load and one server's capacity (same unit, e.g. requests per second), and the safety factor if one was given.</summary>
public sealed record ServersInput(decimal Peak, decimal Capacity, decimal? Buffer = null);
