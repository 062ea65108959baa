using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cl37.Bot.Data.Configurations;

internal sealed class QuizChannelConfiguration : IEntityTypeConfiguration<QuizChannel>
{
    public void Configure(EntityTypeBuilder<QuizChannel> builder)
    {
        builder.ToTable("Channels");
        builder.Property(c => c.ExternalId).HasMaxLength(300);
        builder.Property(c => c.DeckId).HasMaxLength(64);
        builder.Property(c => c.PlatformData).HasMaxLength(4000);
        builder.HasIndex(c => new { c.GroupId, c.ExternalId }).IsUnique();
        builder.HasOne<QuizGroup>().WithMany().HasForeignKey(c => c.GroupId);
    }
}
