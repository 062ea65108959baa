using Quartz;

namespace Cl37.Bot.Hosting;

/// <summary>What several replicas on PostgreSQL need beyond the clustered job store that
/// Scheduling:Clustered selects: a distinct Quartz instance id per replica (Quartz tells cluster
/// nodes apart only by it; two nodes with one id would steal each other's check-ins), and Quartz's
/// tables in PostgreSQL.</summary>
public static class ScaleOutHostingExtensions
{
    public static WebApplicationBuilder AddScaleOut(this WebApplicationBuilder builder)
    {
        var scheduling = builder.Configuration.GetSection(Scheduling.SchedulingOptions.Section).Get<Scheduling.SchedulingOptions>();
        if (scheduling?.Clustered == true)
            {
            // Quartz 4.7 keeps "AUTO" literally in this configuration path, so the id is made here:
            // the pod's host name for the logs, plus a suffix that differs between restarts.
            var host = Environment.MachineName.Length > 60 ? Environment.MachineName[..60] : Environment.MachineName;
            var instanceId = $"{host}-{Guid.NewGuid().ToString("N")[..12]}";
            builder.Services.AddQuartz(q => q.ConfigureScheduler(o => o.InstanceId = instanceId));
            // Quartz creates its own tables (qrtz_*) in the bot's database when they are missing,
            // and refuses to start on a schema from an older Quartz that was never migrated.
            builder.Services.Configure<AdoJobStoreOptions>(o => o.SchemaProvisioning = SchemaProvisioning.CreateIfMissing);
        }
        return builder;
    }
}
