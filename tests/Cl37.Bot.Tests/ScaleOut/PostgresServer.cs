using System.Net.Sockets;
using Npgsql;

namespace Cl37.Bot.Tests.ScaleOut;

/// <summary>The test PostgreSQL server: CL37_TEST_POSTGRES, or the role and database .ci/postgres creates.</summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "CL37_TEST_POSTGRES";
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=cl37;Password=cl37;Database=cl37_test";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } cs ? cs : DefaultConnectionString;

    public static bool RequiredByCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Endpoint
    {
        get
        {
            var csb = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"{csb.Host}:{csb.Port}";
        }
    }

    public static bool IsReachable()
    {
        var csb = new NpgsqlConnectionStringBuilder(ConnectionString);
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(csb.Host!, csb.Port).Wait(TimeSpan.FromSeconds(1)) && client.Connected;
        }
        catch (Exception ex) when (ex is SocketException or AggregateException)
        {
            return false;
        }
    }

    /// <summary>Creates an empty database for one test class; dispose drops it.</summary>
    public static async Task<PostgresDatabase> CreateDatabaseAsync()
    {
        var name = "cl37_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(ConnectionString))
        {
            await admin.OpenAsync();
            await using var cmd = admin.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE \"{name}\"";
            await cmd.ExecuteNonQueryAsync();
        }
        var csb = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name, MaxPoolSize = 20 };
        return new PostgresDatabase(name, csb.ConnectionString);
    }
}
