namespace Cl37.Bot.Calculators;

/// <summary>Decimal size units, as Docker reports image sizes (1 GB = 1000 MB).</summary>
public enum SizeUnit
{
    KB,
    MB,
    GB,
    TB,
}
