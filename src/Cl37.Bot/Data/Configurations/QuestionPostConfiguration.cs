using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cl37.Bot.Data.Configurations;

internal sealed class QuestionPostConfiguration : IEntityTypeConfiguration<QuestionPost>
{
    public void Configure(EntityTypeBuilder<QuestionPost> builder)
    {
        builder.ToTable("Posts");
        builder.Property(p => p.QuestionId).HasMaxLength(200);
        builder.Property(p => p.MessageId).HasMaxLength(200);
        builder.Property(p => p.RevealMessageId).HasMaxLength(200);
        // The exactly-once claim of a scheduled post: NULLs are distinct, so manual posts never collide.
        builder.HasIndex(p => new { p.ChannelId, p.ScheduledDate, p.ScheduledSlot }).IsUnique();
        builder.HasIndex(p => new { p.RevealedUtc, p.ClosesUtc });
        builder.HasOne<QuizChannel>().WithMany().HasForeignKey(p => p.ChannelId);
    }
}
