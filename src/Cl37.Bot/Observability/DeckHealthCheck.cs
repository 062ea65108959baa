using Cl37.Bot.Content;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cl37.Bot.Observability;

/// <summary>Ready when at least one question was loaded; deck errors beside loaded questions make it
/// degraded (still serving), no questions at all make it unhealthy with the first errors named.</summary>
internal sealed class DeckHealthCheck(IServiceProvider services) : IHealthCheck
{
    public const string Name = "deck";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var decks = services.GetService<DeckLibrary>();
        if (decks is null)
            return Task.FromResult(HealthCheckResult.Unhealthy("no deck library is registered"));
        var questions = decks.Decks.Sum(d => d.Questions.Count);
        var errors = string.Join("; ", decks.Errors.Take(3).Select(e => e.ToString()));
        if (questions == 0)
            return Task.FromResult(HealthCheckResult.Unhealthy("no questions loaded" + (errors.Length > 0 ? ": " + errors : "")));
        var summary = $"{decks.Decks.Count} deck(s), {questions} question(s)";
        return Task.FromResult(decks.Errors.Count > 0
            ? HealthCheckResult.Degraded($"{summary}; {decks.Errors.Count} deck error(s): {errors}")
            : HealthCheckResult.Healthy(summary));
    }
}
