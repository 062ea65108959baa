using System.Globalization;
using System.Text;
using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Quiz;

/// <summary>Leaderboards read from the running totals (never a SUM over answers), ranked once per
/// change and served from <see cref="LeaderboardCache"/>.</summary>
public sealed class LeaderboardService(IDbContextFactory<BotDbContext> factory, LeaderboardCache cache, IOptions<QuizOptions> options)
{
    public async Task<LeaderboardPage> GetPageAsync(long groupId, string period, int page, string? requesterExternalId, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(options.Value.LeaderboardPageSize, 1, 50);
        var board = cache.Find(groupId, period) ?? await BuildAsync(groupId, period, cancellationToken);
        var people = board.Rows.Length;
        var pageCount = Math.Max(1, (people + size - 1) / size);
        page = Math.Clamp(page, 1, pageCount);
        var rows = board.Rows.Skip((page - 1) * size).Take(size).ToList();
        LeaderboardRow? me = requesterExternalId is not null && board.IndexByExternalId.TryGetValue(requesterExternalId, out var index)
            ? board.Rows[index]
            : null;
        return new LeaderboardPage(period, page, pageCount, people, rows, me);
    }

    // One read of the period's running totals (a range of their key, sorted by the database), ranked here; equal points share a place.
    private async Task<LeaderboardCache.Snapshot> BuildAsync(long groupId, string period, CancellationToken cancellationToken)
    {
        var version = cache.Version(groupId);
        var built = cache.Now;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await (from t in db.ScoreTotals.AsNoTracking()
                          join p in db.People on t.PersonId equals p.Id
                          where t.GroupId == groupId && t.Period == period
                          orderby t.Points descending, t.Correct descending, t.PersonId
                          select new { t.PersonId, p.ExternalId, p.DisplayName, t.Points, t.Answered, t.Correct, p.CurrentStreak })
            .ToListAsync(cancellationToken);
        var ranked = new LeaderboardRow[rows.Count];
        var index = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        var rank = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (i == 0 || r.Points != rows[i - 1].Points)
                rank = i + 1;
            ranked[i] = new LeaderboardRow(rank, r.PersonId, r.DisplayName, r.Points, r.Answered, r.Correct, r.CurrentStreak);
            index[r.ExternalId] = i;
        }
        var snapshot = new LeaderboardCache.Snapshot(version, built, ranked, index);
        cache.Store(groupId, period, snapshot);
        return snapshot;
    }

    public async Task<string> ExportCsvAsync(long groupId, string period, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await (from t in db.ScoreTotals.AsNoTracking()
                          join p in db.People on t.PersonId equals p.Id
                          where t.GroupId == groupId && t.Period == period
                          orderby t.Points descending, t.Correct descending, t.PersonId
                          select new { p.DisplayName, t.Points, t.Answered, t.Correct, p.CurrentStreak }).ToListAsync(cancellationToken);
        var sb = new StringBuilder("rank,name,points,accuracy_percent,answered,correct,streak\n");
        var rank = 0;
        double? last = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (last != r.Points)
                rank = i + 1;
            last = r.Points;
            var accuracy = r.Answered == 0 ? 0 : 100.0 * r.Correct / r.Answered;
            sb.Append(CultureInfo.InvariantCulture, $"{rank},{Csv(r.DisplayName)},{r.Points:0.##},{accuracy:0.#},{r.Answered},{r.Correct},{r.CurrentStreak}\n");
        }
        return sb.ToString();
    }

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@')
            ? "\"" + (value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@') ? "'" : "") + value.Replace("\"", "\"\"") + "\""
            : value;
}
