using Cl37.Bot.Data;
using Quartz;

namespace Cl37.Bot.Scheduling;

public static class SchedulingHostingExtensions
{
    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SchedulingOptions.Section);
        builder.Services.AddOptions<SchedulingOptions>()
            .Bind(section)
            .Validate(o => o.SweepSeconds is >= 1 and <= 60 && 60 % o.SweepSeconds == 0, "Scheduling:SweepSeconds must divide 60 (e.g. 10, 15, 30 or 60).")
            .Validate(o => o.MisfireThresholdSeconds is >= 1 and <= 3600, "Scheduling:MisfireThresholdSeconds must be between 1 and 3600.")
            .Validate(o => !o.Clustered || ClusterConnectionString(o, builder.Configuration) is not null,
                "Scheduling:Clustered needs PostgreSQL (Quartz refuses to cluster on SQLite): set Scheduling:ConnectionString, or Database:Provider to Postgres.")
            .ValidateOnStart();

        // The job store is chosen while the container is built, so it is read here; the options
        // above validate the same values at start with a message naming the setting.
        var settings = section.Get<SchedulingOptions>() ?? new SchedulingOptions();
        var clusterConnection = settings.Clustered ? ClusterConnectionString(settings, builder.Configuration) : null;
        var misfireThreshold = TimeSpan.FromSeconds(Math.Clamp(settings.MisfireThresholdSeconds, 1, 3600));

        var s = builder.Services;
        s.AddSingleton<ScheduleService>();
        s.AddSingleton<DailyQuestionRunner>();
        s.AddSingleton(sp => new SchedulerCreation(sp.GetRequiredService<ISchedulerFactory>(), clusterConnection));
        s.AddSingleton<ScheduleSync>();
        // Quartz takes the container's TimeProvider (the app's clock; the tests' FakeTimeProvider).
        s.AddQuartz(q => ConfigureQuartz(q, clusterConnection, misfireThreshold));
        // Both start their work once the application has started, after AddData's migrator, so the
        // triggers are loaded from a migrated database; the scheduler stops before ScheduleSync.
        s.AddHostedService(sp => sp.GetRequiredService<ScheduleSync>());
        s.AddSingleton<SchedulerLifetime>();
        s.AddHostedService(sp => sp.GetRequiredService<SchedulerLifetime>());
        return builder;
    }

    private static void ConfigureQuartz(IQuartzBuilder q, string? clusterConnection, TimeSpan misfireThreshold)
    {
        q.ConfigureScheduler(o => o.InstanceName = "cl37");
        if (clusterConnection is not null)
        {
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(clusterConnection);
                store.UseClustering(_ => { });
                store.ConfigureStore(o => o.MisfireThreshold = misfireThreshold);
            });
        }
        else
        {
            q.UseInMemoryStore(o => o.MisfireThreshold = misfireThreshold);
        }
        q.AddJob<DailyQuestionJob>(j => j.WithIdentity(DailyQuestionJob.Key).StoreDurably());
        q.AddJob<SweepJob>(j => j.WithIdentity(SweepJob.Key).StoreDurably());
    }

    private static string? ClusterConnectionString(SchedulingOptions o, ConfigurationManager configuration)
    {
        if (!string.IsNullOrWhiteSpace(o.ConnectionString))
            return o.ConnectionString;
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        return database.Provider == "Postgres" ? database.ConnectionString : null;
    }
}
