using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cl37.Bot.Data.Configurations;

internal sealed class QuizScheduleConfiguration : IEntityTypeConfiguration<QuizSchedule>
{
    public void Configure(EntityTypeBuilder<QuizSchedule> builder)
    {
        builder.ToTable("Schedules");
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.Property(s => s.DeckId).HasMaxLength(64);
        builder.Property(s => s.LaterTimesOfDay).HasMaxLength(64);
        builder.HasIndex(s => s.ChannelId).IsUnique();
        builder.HasOne<QuizChannel>().WithMany().HasForeignKey(s => s.ChannelId);
    }
}
