using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cl37.Bot.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.ExternalId).HasMaxLength(200);
        builder.Property(p => p.DisplayName).HasMaxLength(100);
        builder.HasIndex(p => new { p.GroupId, p.ExternalId }).IsUnique();
        builder.HasOne<QuizGroup>().WithMany().HasForeignKey(p => p.GroupId);
    }
}
