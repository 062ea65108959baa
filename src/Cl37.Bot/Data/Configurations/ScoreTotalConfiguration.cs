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
        // No index on the points: every scored answer moves its rows' points, so such an index is
        // rewritten on every click, while a leaderboard reads the whole period once (a range of the
        // key) and is cached until the next answer.
    }
}
