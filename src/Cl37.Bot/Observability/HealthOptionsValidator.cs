using Cl37.Bot.Chat;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Observability;

/// <summary>Checks the Health section at start; the key is never echoed.</summary>
internal sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options)
    {
        if (string.IsNullOrEmpty(options.DetailsKey))
            return ValidateOptionsResult.Success;
        if (options.DetailsKey.Any(c => c is <= ' ' or > '~'))
            return ValidateOptionsResult.Fail($"Health:DetailsKey must be visible ASCII characters without spaces: {AccessKeys.HowToGenerate}.");
        return AccessKeys.Weakness(options.DetailsKey) is { } weakness
            ? ValidateOptionsResult.Fail($"Health:DetailsKey is too easy to guess ({weakness}): {AccessKeys.HowToGenerate}.")
            : ValidateOptionsResult.Success;
    }
}
