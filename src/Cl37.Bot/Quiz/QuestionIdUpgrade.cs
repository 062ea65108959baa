using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace Cl37.Bot.Quiz;

/// <summary>Maps the question ids of a database written when ids were positions (<c>deck/mcq/3</c>)
/// to the stable ids of the decks as they are loaded now. The QuestionVersions migration marks those
/// rows (<see cref="Marker"/>); this runs at start, after the migrations and before answers are taken,
/// and maps each marked id once: to the question at that position, or back to the bare positional id
/// when the deck no longer has one there (its answers stay, as a removed question's do). Rows of a
/// deck that is not loaded stay marked for a later start. With nothing marked it is one plain query,
/// as EF Core's first query would cost a large part of a cold start.</summary>
public sealed class QuestionIdUpgrade(DatabaseConnections connections, IDbContextFactory<BotDbContext> factory, DeckLibrary decks, ILogger<QuestionIdUpgrade> logger) : IHostedService
{
    /// <summary>The prefix the migration gives positional ids.</summary>
    internal const string Marker = "positional:";

    private const string PendingSql = $"""
        SELECT 1 FROM "Posts" WHERE "QuestionId" LIKE '{Marker}%'
        UNION ALL SELECT 1 FROM "Answers" WHERE "QuestionId" LIKE '{Marker}%'
        UNION ALL SELECT 1 FROM "ReviewStates" WHERE "QuestionId" LIKE '{Marker}%'
        LIMIT 1
        """;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await connections.AnyRowAsync(PendingSql, cancellationToken))
            await UpgradeAsync(cancellationToken);
    }

    /// <returns>How many positional ids were mapped or retired.</returns>
    public async Task<int> UpgradeAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var marked = (await db.Posts.Where(p => p.QuestionId.StartsWith(Marker)).Select(p => p.QuestionId).Distinct().ToListAsync(cancellationToken))
            .Concat(await db.Answers.Where(a => a.QuestionId.StartsWith(Marker)).Select(a => a.QuestionId).Distinct().ToListAsync(cancellationToken))
            .Concat(await db.ReviewStates.Where(r => r.QuestionId.StartsWith(Marker)).Select(r => r.QuestionId).Distinct().ToListAsync(cancellationToken))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (marked.Count == 0)
            return 0;

        var byPosition = decks.AllQuestions.ToDictionary(q => Marker + QuestionIds.Positional(q), q => q.Id, StringComparer.Ordinal);
        var loaded = decks.Decks.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        int mapped = 0, retired = 0, waiting = 0;
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var old in marked)
        {
            var positional = old[Marker.Length..];
            string target;
            if (byPosition.TryGetValue(old, out var stable))
            {
                target = stable;
                mapped++;
            }
            else if (loaded.Contains(positional.Split('/')[0]))
            {
                target = positional;
                retired++;
            }
            else
            {
                waiting++;
                continue;
            }
            await db.Posts.Where(p => p.QuestionId == old).ExecuteUpdateAsync(u => u.SetProperty(p => p.QuestionId, target), cancellationToken);
            await db.Answers.Where(a => a.QuestionId == old).ExecuteUpdateAsync(u => u.SetProperty(a => a.QuestionId, target), cancellationToken);
            await db.ReviewStates.Where(r => r.QuestionId == old).ExecuteUpdateAsync(u => u.SetProperty(r => r.QuestionId, target), cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        logger.LogInformation("Question ids: {Mapped} positional ids mapped to stable ids, {Retired} kept for questions no longer in their deck, {Waiting} left for decks not loaded",
            mapped, retired, waiting);
        return mapped + retired;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
