using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Quiz;

/// <summary>Keeps the library's uploaded decks as the database has them. They are read at start;
/// then every <see cref="DeckUploadOptions.PollSeconds"/> one small query lists the ids of the
/// versions in service, and only a version not read before is fetched and parsed, so a deck
/// confirmed, replaced or removed on another replica is in service here within that time. The
/// replica that made the change refreshes at once.</summary>
public sealed class UploadedDeckSync(
    DatabaseConnections connections,
    IDbContextFactory<BotDbContext> factory,
    DeckLibrary library,
    IOptions<DeckUploadOptions> options,
    TimeProvider time,
    ILogger<UploadedDeckSync> logger) : IHostedService, IDisposable
{
    // A plain query, as EF Core's first query would cost a large part of a cold start and most
    // databases have no uploaded deck.
    private static readonly string AnyInServiceSql =
        $"""SELECT 1 FROM "UploadedDecks" WHERE "State" = {(int)DeckUploadState.InService} AND "GroupId" IS NOT NULL LIMIT 1""";

    private readonly SemaphoreSlim _reading = new(1, 1);
    private Dictionary<long, Deck?> _loaded = [];
    private ITimer? _poll;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await connections.AnyRowAsync(AnyInServiceSql, cancellationToken))
            await RefreshAsync(cancellationToken);
        // Armed again after each poll, so polls never overlap and a clock that jumps ahead makes one
        // poll rather than one for every period it skipped.
        _poll = time.CreateTimer(_ => _ = PollAsync(), null, options.Value.PollEvery, Timeout.InfiniteTimeSpan);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _poll?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _poll?.Dispose();
        _reading.Dispose();
    }

    /// <summary>Reads which versions are in service and puts them in service here; true when anything changed.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var ids = (await db.UploadedDecks.AsNoTracking()
                    .Where(d => d.State == DeckUploadState.InService && d.GroupId != null)
                    .Select(d => d.Id).ToListAsync(cancellationToken))
                .ToHashSet();
            if (ids.SetEquals(_loaded.Keys))
                return false;
            var missing = ids.Where(id => !_loaded.ContainsKey(id)).ToList();
            var rows = await db.UploadedDecks.AsNoTracking().Where(d => EF.Parameter(missing).Contains(d.Id)).ToListAsync(cancellationToken);
            var next = _loaded.Where(l => ids.Contains(l.Key)).ToDictionary(l => l.Key, l => l.Value);
            foreach (var row in rows)
                next[row.Id] = Load(row);
            Describe(_loaded, next);
            _loaded = next;
            library.ReplaceUploads(next.Values.OfType<Deck>()
                .GroupBy(d => d.Upload!.GroupId)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<Deck>)[.. g.OrderBy(d => d.Id, StringComparer.Ordinal)]));
            return true;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>A stored version as a deck in service; null (and a warning) when it no longer reads.</summary>
    private Deck? Load(UploadedDeck row)
    {
        var format = DeckWriter.ParseFormat(row.Format) ?? DeckFormat.Markdown;
        var parsed = UploadedDeckFile.Parse(row.GroupId!.Value, row.Name, row.FileName, format, row.Content);
        if (parsed.Deck is null || parsed.Errors.Count > 0)
        {
            // Checked when it was confirmed: only a parser of another release can disagree now.
            logger.LogWarning("Uploaded deck {DeckId} v{Version} of group {GroupId} does not read: {DeckError}",
                row.Name, row.Version, row.GroupId, parsed.Errors.FirstOrDefault()?.ToString());
            if (parsed.Deck is null)
                return null;
        }
        return parsed.Deck with
        {
            Upload = new DeckUpload(row.GroupId.Value, row.Version, row.FileName, format, row.ChangedUtc, [.. parsed.Skipped.Select(SkippedQuestion.From)]),
        };
    }

    private void Describe(Dictionary<long, Deck?> before, Dictionary<long, Deck?> after)
    {
        var added = after.Where(a => !before.ContainsKey(a.Key)).Select(a => a.Value).OfType<Deck>()
            .Select(d => $"{d.Id} v{d.Upload!.Version} of group {d.Upload.GroupId} ({d.Questions.Count} questions)");
        var gone = before.Where(b => !after.ContainsKey(b.Key)).Select(b => b.Value).OfType<Deck>()
            .Select(d => $"{d.Id} v{d.Upload!.Version} of group {d.Upload.GroupId}");
        logger.LogInformation("Uploaded decks in service: {Added}; out of service: {Removed} (answers kept)",
            string.Join(", ", added.DefaultIfEmpty("none new")), string.Join(", ", gone.DefaultIfEmpty("none")));
    }

    private async Task PollAsync()
    {
        try
        {
            await RefreshAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // A timer callback that throws would end the process; the next poll tries again.
            logger.LogWarning(ex, "Reading the uploaded decks failed; trying again in {Seconds} s", options.Value.PollSeconds);
        }
        try
        {
            _poll?.Change(options.Value.PollEvery, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Stopped while the poll ran.
        }
    }
}
