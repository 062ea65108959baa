using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Data;

/// <summary>The bot's database. SQLite uses this type and the migrations in Data/Migrations;
/// PostgreSQL uses <see cref="PostgresBotDbContext"/> so that it finds its own migrations.</summary>
public class BotDbContext : DbContext
{
    public BotDbContext(DbContextOptions<BotDbContext> options)
        : base(options)
    {
    }

    protected BotDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<QuizGroup> Groups => Set<QuizGroup>();

    public DbSet<QuizChannel> Channels => Set<QuizChannel>();

    public DbSet<QuizSchedule> Schedules => Set<QuizSchedule>();

    public DbSet<QuestionPost> Posts => Set<QuestionPost>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Answer> Answers => Set<Answer>();

    public DbSet<ScoreTotal> ScoreTotals => Set<ScoreTotal>();

    public DbSet<Competition> Competitions => Set<Competition>();

    public DbSet<ReviewState> ReviewStates => Set<ReviewState>();

    public DbSet<HandledInteraction> HandledInteractions => Set<HandledInteraction>();

    public DbSet<UploadedDeck> UploadedDecks => Set<UploadedDeck>();

    /// <summary>The answers a view may show: none of a post that still hides its results, until
    /// the reveal. Every view that reads answers themselves reads them here.</summary>
    public IQueryable<Answer> ShownAnswers => Answers.Where(a => !Posts.Any(p => p.Id == a.PostId && p.HideResults));

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BotDbContext).Assembly);
}
