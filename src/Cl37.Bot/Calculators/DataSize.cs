using System.Globalization;

namespace Cl37.Bot.Calculators;

/// <summary>A size as typed (0.5 GB), convertible to megabytes.</summary>
public sealed record DataSize(decimal Amount, SizeUnit Unit)
{
    public decimal Megabytes => Unit switch
    {
        SizeUnit.KB => Amount / 1000m,
        SizeUnit.GB => Amount * 1000m,
        SizeUnit.TB => Amount * 1_000_000m,
        _ => Amount,
    };

    public static DataSize Mb(decimal amount) => new(amount, SizeUnit.MB);

    public override string ToString() => $"{Amount.ToString("#,0.##########", CultureInfo.InvariantCulture)} {Unit}";
}
