using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cl37.Bot.Data.Configurations;

internal sealed class ScoreTotalConfiguration : IEntityTypeConfiguration<ScoreTotal>
{
    public void Configure(EntityTypeBuilder<ScoreTotal> builder)
    {
        builder.ToTable("ScoreTotals");
        builder.HasKey(t => new { t.GroupId, t.Period, t.PersonId });
        builder.Property(t => t.Period).HasMaxLength(16);
        // A leaderboard page is an index range scan; a rank is a count over the same index.
        builder.HasIndex(t => new { t.GroupId, t.Period, t.Points, t.Correct });
    }
}
