using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cl37.Bot.Data.Configurations;

internal sealed class UploadedDeckConfiguration : IEntityTypeConfiguration<UploadedDeck>
{
    public void Configure(EntityTypeBuilder<UploadedDeck> builder)
    {
        builder.ToTable("UploadedDecks");
        builder.Property(d => d.Platform).HasMaxLength(32);
        builder.Property(d => d.UploadedBy).HasMaxLength(200);
        builder.Property(d => d.Name).HasMaxLength(64);
        builder.Property(d => d.Format).HasMaxLength(16);
        builder.Property(d => d.FileName).HasMaxLength(200);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        // One version of a deck in service per group, even when two replicas confirm at once.
        builder.HasIndex(d => new { d.GroupId, d.Name }).IsUnique().HasFilter("\"State\" = 1");
        builder.HasIndex(d => new { d.Platform, d.UploadedBy, d.State });
        builder.HasOne<QuizGroup>().WithMany().HasForeignKey(d => d.GroupId);
    }
}
