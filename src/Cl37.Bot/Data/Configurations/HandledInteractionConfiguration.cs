using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cl37.Bot.Data.Configurations;

internal sealed class HandledInteractionConfiguration : IEntityTypeConfiguration<HandledInteraction>
{
    public void Configure(EntityTypeBuilder<HandledInteraction> builder)
    {
        builder.ToTable("HandledInteractions");
        builder.HasKey(h => h.Id);
        // The id comes from the platform, never from the database.
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.HasIndex(h => h.ExpiresUtc);
    }
}
