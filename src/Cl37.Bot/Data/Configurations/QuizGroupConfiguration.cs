using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cl37.Bot.Data.Configurations;

internal sealed class QuizGroupConfiguration : IEntityTypeConfiguration<QuizGroup>
{
    public void Configure(EntityTypeBuilder<QuizGroup> builder)
    {
        builder.ToTable("Groups");
        builder.Property(g => g.Platform).HasMaxLength(32);
        builder.Property(g => g.ExternalId).HasMaxLength(200);
        builder.Property(g => g.TimeZone).HasMaxLength(64);
        builder.Property(g => g.ExamDeckId).HasMaxLength(64);
        builder.HasIndex(g => new { g.Platform, g.ExternalId }).IsUnique();
    }
}
