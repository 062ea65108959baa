using Cl37.Bot.Platforms.Playground.Kernel;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Teams.Kernel;

/// <summary>Checks the Teams section at start; each message names the setting to fix. Secret
/// values are never echoed. <paramref name="binding"/> is where the app will listen.</summary>
internal sealed class TeamsOptionsValidator(PlaygroundBinding binding) : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out var metadata)
            || (metadata.Scheme != Uri.UriSchemeHttps && !metadata.IsLoopback))
            errors.Add("Teams:OpenIdMetadataUrl must be an absolute https URL (http only for a loopback address).");
        if (string.IsNullOrWhiteSpace(options.Route) || !options.Route.StartsWith('/'))
            errors.Add("Teams:Route must start with '/' (default /api/messages).");
        if (options.RosterCacheMinutes is <= 0 or > 1440 || !double.IsFinite(options.RosterCacheMinutes))
            errors.Add("Teams:RosterCacheMinutes must be between 0 and 1440.");
        // Refused rather than honoured or ignored: an admin list the bot silently dropped would
        // leave the group's admins refused, and one honoured beside Quiz:Admins is two lists again.
        if (options.Admins.Count > 0)
            errors.Add("Teams:Admins is no longer read: list each of these people in Quiz:Admins as teams:<AAD object id> (e.g. Quiz__Admins__0=teams:"
                + "00000000-0000-0000-0000-000000000000) and remove Teams:Admins.");
        if (options.LocalMode && binding.BeyondLoopback && !options.AllowLocalModeBeyondLoopback)
            errors.Add($"Teams is on without Teams:AppId (local mode: nobody is authenticated) and the app listens on {string.Join(", ", binding.Addresses)}, beyond this machine: "
                + "set Teams:AppId (with its secret) for a real bot, listen on localhost only for the Teams App Test Tool, or set Teams:AllowLocalModeBeyondLoopback=true if strangers may talk to it.");
        if (!options.LocalMode)
        {
            if (!Guid.TryParse(options.AppId, out _))
                errors.Add("Teams:AppId must be the bot's Microsoft App id (a GUID).");
            var hasSecret = !string.IsNullOrWhiteSpace(options.Secret);
            var hasTenant = !string.IsNullOrWhiteSpace(options.TenantId);
            switch (options.AppType)
            {
                case TeamsAppType.SingleTenant:
                    if (!hasSecret)
                        errors.Add("Teams:AppPassword (or Teams:ClientSecret) is required when Teams:AppType is SingleTenant.");
                    if (!hasTenant)
                        errors.Add("Teams:TenantId is required when Teams:AppType is SingleTenant.");
                    break;
                case TeamsAppType.MultiTenant:
                    if (!hasSecret)
                        errors.Add("Teams:AppPassword (or Teams:ClientSecret) is required when Teams:AppType is MultiTenant.");
                    break;
                case TeamsAppType.UserAssignedMSI:
                    if (hasSecret)
                        errors.Add("Teams:AppPassword must be empty when Teams:AppType is UserAssignedMSI (the managed identity has no secret).");
                    if (!hasTenant)
                        errors.Add("Teams:TenantId is required when Teams:AppType is UserAssignedMSI.");
                    break;
                default:
                    errors.Add("Teams:AppType must be SingleTenant, MultiTenant or UserAssignedMSI.");
                    break;
            }
            if (hasTenant && !Guid.TryParse(options.TenantId, out _))
                errors.Add("Teams:TenantId must be the Entra tenant id (a GUID).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
