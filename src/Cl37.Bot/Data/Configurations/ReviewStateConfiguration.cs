using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cl37.Bot.Data.Configurations;

internal sealed class ReviewStateConfiguration : IEntityTypeConfiguration<ReviewState>
{
    public void Configure(EntityTypeBuilder<ReviewState> builder)
    {
        builder.ToTable("ReviewStates");
        builder.HasKey(r => new { r.PersonId, r.QuestionId });
        builder.Property(r => r.QuestionId).HasMaxLength(200);
        // No index on the due date: every answer moves it, and practice reads all of a person's
        // reviews through the key's first column anyway.
    }
}
