using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cl37.Bot.Data;

/// <summary>Timestamps are UTC everywhere (STYLE.md 11), but a DateTime built from a DateOnly or a
/// parsed time carries Kind=Unspecified, which Npgsql refuses for timestamptz; this marks it UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
