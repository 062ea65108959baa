using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cl37.Bot.Data.Configurations;

internal sealed class CompetitionConfiguration : IEntityTypeConfiguration<Competition>
{
    public void Configure(EntityTypeBuilder<Competition> builder)
    {
        builder.ToTable("Competitions");
        builder.Property(c => c.Name).HasMaxLength(80);
        builder.HasIndex(c => new { c.GroupId, c.EndedUtc });
        builder.HasOne<QuizGroup>().WithMany().HasForeignKey(c => c.GroupId);
    }
}
