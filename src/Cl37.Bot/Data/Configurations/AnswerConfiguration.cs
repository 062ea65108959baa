using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cl37.Bot.Data.Configurations;

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.ToTable("Answers");
        builder.Property(a => a.QuestionId).HasMaxLength(200);
        builder.Property(a => a.Response).HasMaxLength(500);
        builder.Property(a => a.QuestionVersion).HasMaxLength(16);
        // The first answer counts: inserts use ON CONFLICT DO NOTHING against this key.
        builder.HasIndex(a => new { a.PostId, a.PersonId }).IsUnique();
        builder.HasIndex(a => new { a.PersonId, a.AnsweredUtc });
        builder.HasOne<QuestionPost>().WithMany().HasForeignKey(a => a.PostId);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId);
    }
}
