using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Data;

public sealed class BotDbContext(DbContextOptions<BotDbContext> options) : DbContext(options)
{
    public DbSet<QuizGroup> Groups => Set<QuizGroup>();

    public DbSet<QuizChannel> Channels => Set<QuizChannel>();

    public DbSet<QuizSchedule> Schedules => Set<QuizSchedule>();

    public DbSet<QuestionPost> Posts => Set<QuestionPost>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Answer> Answers => Set<Answer>();

    public DbSet<ScoreTotal> ScoreTotals => Set<ScoreTotal>();

    public DbSet<Competition> Competitions => Set<Competition>();

    public DbSet<ReviewState> ReviewStates => Set<ReviewState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BotDbContext).Assembly);
}
