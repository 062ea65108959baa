using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Cl37.Bot.Tests.Fakes;
using Cl37.Bot.Tests.Hosting;
using Microsoft.Data.Sqlite;

namespace Cl37.Bot.Tests.Hardening;

[Trait(Tier.Name, Tier.Slow)]
public sealed class KillDuringBurstTests
{
    [Fact]
    public async Task KillHard_InTheMiddleOfTwoThousandAnswers_KeepsEveryAcknowledgedAnswerOnceAndTotalsExact()
    {
        var db = Path.Combine(Path.GetTempPath(), $"cl37-kill-{Guid.NewGuid():N}.db");
        try
        {
            long postId;
            string value;
            var acknowledged = new ConcurrentBag<string>();
            await using (var app = await StartAsync(db))
            {
                using var http = Client(app);
                (postId, value) = await PostQuestionAsync(http);

                using var killed = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                var sent = Enumerable.Range(0, 2000).Select(i => Task.Run(async () =>
                {
                    var name = $"student-{i:0000}";
                    try
                    {
                        var response = await http.PostAsJsonAsync("/playground/api/answers",
                            new { channel = "general", postId, values = new[] { value }, person = new { name, admin = false } }, killed.Token);
                        if (!response.IsSuccessStatusCode)
                            return;
                        var body = await response.Content.ReadFromJsonAsync<JsonElement>(killed.Token);
                        var text = body.GetProperty("reply").GetProperty("text").GetString() ?? "";
                        if (text.StartsWith("Answer recorded", StringComparison.Ordinal))
                            acknowledged.Add(body.GetProperty("userId").GetString()!);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or JsonException)
                    {
                        // The process was killed under this request: it was never acknowledged.
                    }
                })).ToList();

                while (acknowledged.Count < 300 && !sent.All(t => t.IsCompleted))
                    await Task.Delay(5);
                await app.KillAsync();
                await Task.WhenAll(sent);
            }

            Assert.InRange(acknowledged.Count, 300, 1999);

            // Restart on the same file: it must open, and what was acknowledged is there once.
            await using (var restarted = await StartAsync(db))
            {
                using var http = Client(restarted);
                var again = await http.PostAsJsonAsync("/playground/api/answers",
                    new { channel = "general", postId, values = new[] { value }, person = new { name = "student-0000", admin = false } });
                Assert.True(again.IsSuccessStatusCode);
            }

            await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
            await connection.OpenAsync();
            var stored = await QueryAsync(connection, """
                SELECT p."ExternalId", COUNT(*) FROM "Answers" a JOIN "People" p ON p."Id" = a."PersonId"
                WHERE a."PostId" = @post GROUP BY p."ExternalId"
                """, postId);
            foreach (var person in acknowledged)
            {
                Assert.True(stored.TryGetValue(person, out var count), $"acknowledged answer of {person} was lost");
                Assert.Equal(1, count);
            }
            Assert.All(stored.Values, c => Assert.Equal(1, c));

            var totals = await ScalarAsync(connection, """SELECT COALESCE(SUM("Points"), 0) FROM "ScoreTotals" WHERE "Period" = 'A'""");
            var recount = await ScalarAsync(connection, """SELECT COALESCE(SUM("Points"), 0) FROM "Answers" WHERE "Practice" = 0""");
            Assert.Equal(recount, totals);
            var answered = await ScalarAsync(connection, """SELECT COALESCE(SUM("Answered"), 0) FROM "ScoreTotals" WHERE "Period" = 'A'""");
            Assert.Equal(stored.Count, (int)answered);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            SqliteFiles.Delete(db);
        }
    }

    private static async Task<AppProcess> StartAsync(string database)
    {
        var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["Database__ConnectionString"] = $"Data Source={database}",
            ["Playground__Enabled"] = "true",
            ["Scheduling__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        await app.WaitReadyAsync();
        return app;
    }

    internal static HttpClient Client(AppProcess app) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Posts a question as an admin and returns its id with an answer of the right shape.</summary>
    internal static async Task<(long PostId, string Value)> PostQuestionAsync(HttpClient http)
    {
        var posted = await http.PostAsJsonAsync("/playground/api/commands",
            new { channel = "general", text = "/quiz now", person = new { name = "Tutor", admin = true } });
        posted.EnsureSuccessStatusCode();
        var history = await http.GetFromJsonAsync<JsonElement>("/playground/api/messages?channel=general");
        var card = history.GetProperty("messages").EnumerateArray()
            .Select(m => m.TryGetProperty("card", out var c) ? c : default)
            .Last(c => c.ValueKind == JsonValueKind.Object && c.GetProperty("kind").GetString() == "question");
        var options = card.GetProperty("options").EnumerateArray().ToList();
        var value = options.Count > 0 ? options[0].GetProperty("key").GetString()! : "42";
        return (card.GetProperty("postId").GetInt64(), value);
    }

    private static async Task<Dictionary<string, int>> QueryAsync(SqliteConnection connection, string sql, long postId)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("@post", postId);
        await using var reader = await cmd.ExecuteReaderAsync();
        var result = new Dictionary<string, int>();
        while (await reader.ReadAsync())
            result[reader.GetString(0)] = reader.GetInt32(1);
        return result;
    }

    private static async Task<double> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToDouble(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
