namespace Cl37.Bot.Observability;

/// <summary>The <c>Health</c> settings section: who may read the health details and the metrics.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>A key that shows <c>/health/ready</c>'s details to a caller beyond this machine, sent as
    /// <c>Authorization: Bearer &lt;key&gt;</c>; with <see cref="RestrictMetrics"/> it also opens
    /// <c>/metrics</c>. Callers on loopback always see the details. Secret.</summary>
    public string? DetailsKey { get; set; }

    /// <summary>Serve <c>/metrics</c> only to callers on loopback and to those showing <see cref="DetailsKey"/>.</summary>
    public bool RestrictMetrics { get; set; }
}
